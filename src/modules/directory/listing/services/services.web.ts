// The services of a listing: the list, a new service, and the form of one service.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../../http/deps.ts';
import { submitForm } from '../../../../http/form-route.ts';
import { type PageContext, pageFor } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import type { I18nText } from '../../../../shared/i18n-text.ts';
import { sendHtml } from '../../../../http/send-html.ts';
import { signedInContext } from '../../../../http/use-case-context.ts';
import type { Database } from '../../../../db/client.ts';
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { IdParams } from '../../directory.schemas.ts';
import { geoReference } from '../../../geo/index.ts';
import { getOrganisationBrief, getService, getTaxonomy } from '../../directory.service.ts';
import { accessConditions, serviceStatuses, targetGroups } from '../../directory.vocabulary.ts';
import { requireListingEditor } from '../change-listing.ts';
import { organisationToEdit, pageToEdit, serviceToEdit } from '../to-edit.web.ts';
import { type FormValues, list, spread, textOf } from '../listing-forms.ts';
import { many, SavedQuery, text, textFields } from '../listing-schemas.ts';
import { createService } from './create-service.ts';
import { editService } from './edit-service.ts';
import { EditServicePage, ServicesListPage } from './services.page.tsx';
import { languagesForField, splitLanguages } from '../../language-names.ts';
import { type ServiceInput, serviceTextFields } from './services.repo.ts';

const ServiceBody = Type.Object({
  // The texts shown as text areas (services.page.tsx): all but the name.
  ...textFields(
    serviceTextFields,
    serviceTextFields.filter((f) => f !== 'name'),
  ),
  status: text,
  target_groups: many,
  access_conditions: many,
  resident_communes: many,
  themes: many,
  languages: text,
  email: text,
  url: text,
});
type ServiceForm = Record<string, string | string[] | undefined>;

function serviceInputOf(body: ServiceForm): ServiceInput {
  return {
    texts: Object.fromEntries(serviceTextFields.map((f) => [f, textOf(body, f)])) as ServiceInput['texts'],
    status: String(body.status ?? ''),
    targetGroups: list(body.target_groups),
    accessConditions: list(body.access_conditions),
    residentCommunes: list(body.resident_communes),
    languages: splitLanguages(String(body.languages ?? '')),
    email: typeof body.email === 'string' ? body.email : undefined,
    url: typeof body.url === 'string' ? body.url : undefined,
    themes: list(body.themes),
  };
}

/** The form of one service (or of a new one, without `serviceId`), with the choices it offers. */
async function servicePage(
  db: Database,
  ctx: PageContext,
  service: { serviceId?: string; organisationId: string; name: I18nText },
  values: FormValues,
  state: { problems?: FieldProblem[]; saved?: boolean } = {},
) {
  const vocabularies = {
    statuses: serviceStatuses,
    targetGroups,
    accessConditions,
    communes: geoReference().communes.map((c) => ({ value: c.nis, label: c.name[ctx.locale] })),
    themes: (await getTaxonomy(db)).themes,
  };
  return EditServicePage({ ctx, ...service, values, vocabularies, ...state });
}

const editing = (service: { id: string; organisationId: string; name: I18nText }) => ({
  serviceId: service.id,
  organisationId: service.organisationId,
  name: service.name,
});

export const servicesWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;

  /** Saving the form, of a new service or not: to its page when saved, the form again when refused. */
  async function saveService(
    request: FastifyRequest,
    reply: FastifyReply,
    service: Parameters<typeof servicePage>[2],
    save: (useCase: UseCaseContext, input: ServiceInput) => Promise<string>,
  ) {
    const ctx = await pageFor(request, deps);
    const body = request.body as ServiceForm;
    return submitForm(reply, () => save(signedInContext(request, deps), serviceInputOf(body)), {
      redirect: (serviceId) => `/${ctx.locale}/manage/services/${serviceId}?done=saved`,
      refused: (problems) => servicePage(db, ctx, service, body, { problems }),
    });
  }

  app.get(
    '/manage/organisations/:id/services',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const org = await organisationToEdit(request, deps);
      return sendHtml(
        reply,
        ServicesListPage({
          ctx: await pageFor(request, deps),
          organisationId: org.id,
          name: org.name,
          services: org.services,
        }),
      );
    },
  );

  app.get(
    '/manage/organisations/:id/services/new',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const org = await getOrganisationBrief(db, request.params.id);
      await requireListingEditor(signedInContext(request, deps), org.id);
      const ctx = await pageFor(request, deps);
      const values = { status: 'active', languages: '' };
      return sendHtml(reply, await servicePage(db, ctx, { organisationId: org.id, name: {} }, values));
    },
  );

  app.post(
    '/manage/organisations/:id/services/new',
    { schema: { hide: true, params: IdParams, body: ServiceBody } },
    async (request, reply) => {
      const org = await getOrganisationBrief(db, request.params.id);
      return saveService(request, reply, { organisationId: org.id, name: {} }, (useCase, input) =>
        createService(useCase, org.id, input),
      );
    },
  );

  app.get(
    '/manage/services/:id',
    { schema: { hide: true, params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const { record: service, ctx, saved } = await pageToEdit(request, deps, serviceToEdit);
      const values: FormValues = {
        ...Object.assign({}, ...serviceTextFields.map((f) => spread(f, service[f]))),
        status: service.status,
        target_groups: service.targetGroups,
        access_conditions: service.accessConditions,
        resident_communes: service.residentCommunes,
        themes: service.themes.map((t) => t.term.code),
        languages: languagesForField(service.languages, ctx.t.language),
        email: service.email ?? '',
        url: service.url ?? '',
      };
      return sendHtml(reply, await servicePage(db, ctx, editing(service), values, { saved }));
    },
  );

  app.post(
    '/manage/services/:id',
    { schema: { hide: true, params: IdParams, body: ServiceBody } },
    async (request, reply) => {
      const service = await getService(db, request.params.id);
      return saveService(request, reply, editing(service), async (useCase, input) => {
        await editService(useCase, service.id, input);
        return service.id;
      });
    },
  );
};
