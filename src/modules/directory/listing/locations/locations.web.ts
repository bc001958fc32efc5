// The places of a listing: one form per place and one for a new place, and which services are
// given at each.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../../http/deps.ts';
import { list, one } from '../../../../shared/form-values.ts';
import type { getOrganisation } from '../../directory.service.ts';
import { textOf } from '../listing-forms.ts';
import { partRoutes } from '../part-routes.web.ts';
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
  partRoutes(app, deps, {
    kind: 'locations',
    body: LocationBody,
    page: (ctx, org, state) =>
      LocationsPage({
        ctx,
        organisationId: org.id,
        name: org.name,
        parts: locationViews(org),
        services: org.services,
        ...state,
      }),
    inputOf: (values) => {
      const field = (name: string) => one(values[name]) ?? '';
      return {
        name: textOf(values, 'name'),
        address: field('address'),
        postcode: field('postcode'),
        locality: field('locality'),
        latitude: field('latitude'),
        longitude: field('longitude'),
        accessibility: textOf(values, 'accessibility'),
        transport: textOf(values, 'transport'),
        serviceIds: list(values.services),
      };
    },
    save: saveLocation,
    remove: deleteLocation,
  });
};
