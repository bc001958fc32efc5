// The places of a listing: one form per place and one for a new place, each posting its fields
// with a prefix ("new-", "l-<id>-"), and which services are given at each.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../../http/deps.ts';
import { submitForm } from '../../../../http/form-route.ts';
import { pageFor } from '../../../../http/request-context.ts';
import { sendHtml } from '../../../../http/send-html.ts';
import { signedInContext } from '../../../../http/use-case-context.ts';
import { AppError } from '../../../../shared/errors.ts';
import { locales } from '../../../../shared/i18n-text.ts';
import { isUuid } from '../../../../shared/shapes.ts';
import { IdParams } from '../../directory.schemas.ts';
import { getOrganisation } from '../../directory.service.ts';
import { deletePartRoute } from '../delete-part.web.ts';
import { organisationToEdit } from '../to-edit.web.ts';
import { type FormValues, list, partPrefix } from '../listing-forms.ts';
import { SavedQuery } from '../listing-schemas.ts';
import { deleteLocation } from './delete-location.ts';
import { LocationsPage } from './locations.page.tsx';
import { saveLocation } from './save-location.ts';

const LocationBody = Type.Record(
  Type.String({ maxLength: 100 }),
  Type.Union([
    Type.String({ maxLength: 1_000 }),
    Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 }),
  ]),
  { maxProperties: 30 },
);

/** The places with the ids of the services given at each. */
function locationViews(org: Awaited<ReturnType<typeof getOrganisation>>) {
  const byLocation = new Map<string, string[]>();
  for (const s of org.services)
    for (const sal of s.serviceAtLocations)
      byLocation.set(sal.locationId, [...(byLocation.get(sal.locationId) ?? []), s.id]);
  return org.locations.map((l) => ({ ...l, serviceIds: byLocation.get(l.id) ?? [] }));
}

export const locationsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  const locationsPath = (locale: string, id: string) => `/${locale}/manage/organisations/${id}/locations`;

  app.get(
    '/manage/organisations/:id/locations',
    { schema: { hide: true, params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const org = await organisationToEdit(request, deps);
      return sendHtml(
        reply,
        LocationsPage({
          ctx: await pageFor(request, deps),
          organisationId: org.id,
          name: org.name,
          locations: locationViews(org),
          services: org.services,
          saved: request.query.done === 'saved',
        }),
      );
    },
  );

  app.post(
    '/manage/organisations/:id/locations',
    { schema: { hide: true, params: IdParams, body: LocationBody } },
    async (request, reply) => {
      const useCase = signedInContext(request, deps);
      const ctx = await pageFor(request, deps);
      const org = await getOrganisation(db, request.params.id);
      const body = request.body;
      const locationId = typeof body.location_id === 'string' && body.location_id ? body.location_id : null;
      if (locationId && !isUuid(locationId)) throw new AppError('NOT_FOUND');
      const prefix = `${partPrefix('locations', locationId)}-`;
      const field = (name: string) => {
        const value = body[`${prefix}${name}`];
        return typeof value === 'string' ? value : '';
      };
      const texts = (name: string) => Object.fromEntries(locales.map((l) => [l, field(`${name}.${l}`)]));
      const serviceIds = list(body[`${prefix}services`]);
      const values: FormValues = {
        ...Object.fromEntries(
          ['name', 'accessibility', 'transport'].flatMap((f) =>
            locales.map((l) => [`${f}.${l}`, field(`${f}.${l}`)]),
          ),
        ),
        ...Object.fromEntries(
          ['address', 'postcode', 'locality', 'latitude', 'longitude'].map((n) => [n, field(n)]),
        ),
        services: serviceIds,
      };
      const input = {
        name: texts('name'),
        address: field('address'),
        postcode: field('postcode'),
        locality: field('locality'),
        latitude: field('latitude'),
        longitude: field('longitude'),
        accessibility: texts('accessibility'),
        transport: texts('transport'),
        serviceIds,
      };
      return submitForm(reply, () => saveLocation(useCase, org.id, locationId, input), {
        redirect: () => `${locationsPath(ctx.locale, org.id)}?done=saved`,
        refused: (problems) =>
          LocationsPage({
            ctx,
            organisationId: org.id,
            name: org.name,
            locations: locationViews(org),
            services: org.services,
            problems,
            values,
            failedId: locationId ?? 'new',
          }),
      });
    },
  );

  deletePartRoute(app, deps, 'locations', deleteLocation);
};
