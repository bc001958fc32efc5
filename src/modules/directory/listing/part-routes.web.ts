// The routes of a listing's parts that come in numbers (contact persons, places), one set for
// each: the page of all parts, saving one part (its fields posted with the form's prefix, "new-",
// "c-<id>-", "l-<id>-"), and removing one.
import type { FastifyInstance } from 'fastify';
import Type, { type TSchema } from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { type PageContext, pageFor, localeOf } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { getOrganisation, getOrganisationBrief } from '../directory.service.ts';
import { IdParams } from '../directory.schemas.ts';
import { type FormValues, partPrefix } from './listing-forms.ts';
import { SavedQuery } from './listing-schemas.ts';
import { organisationToEdit, pageToEdit } from './to-edit.web.ts';

const id = Type.String({ maxLength: 64 });
const PartParams = Type.Object({ id, partId: id });

type Organisation = Awaited<ReturnType<typeof getOrganisation>>;

export interface PageState {
  problems?: FieldProblem[];
  values?: FormValues;
  failedId?: string;
  saved?: boolean;
}

export interface PartRoutes<Input> {
  kind: 'contacts' | 'locations';
  /** The posted form: a record of prefixed field names. */
  body: TSchema;
  page: (ctx: PageContext, organisation: Organisation, state: PageState) => JSX.Element;
  /** What the use case is given, from the form's values without their prefix. */
  inputOf: (values: FormValues) => Input;
  save: (
    ctx: UseCaseContext,
    organisationId: string,
    partId: string | null,
    input: Input,
  ) => Promise<unknown>;
  remove: (ctx: UseCaseContext, organisationId: string, partId: string) => Promise<void>;
}

export function partRoutes<Input>(app: FastifyInstance, deps: WebDeps, part: PartRoutes<Input>): void {
  const path = `/manage/organisations/:id/${part.kind}`;
  const idField = part.kind === 'contacts' ? 'contact_id' : 'location_id';
  const done = (locale: string, organisationId: string) =>
    `/${locale}/manage/organisations/${organisationId}/${part.kind}?done=saved`;

  app.get<{ Params: { id: string }; Querystring: { done?: 'saved' } }>(
    path,
    { schema: { hide: true, params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const { record: org, ctx, saved } = await pageToEdit(request, deps, organisationToEdit);
      return sendHtml(reply, part.page(ctx, org, { saved }));
    },
  );

  app.post<{ Params: { id: string }; Body: Record<string, string | string[]> }>(
    path,
    { schema: { hide: true, params: IdParams, body: part.body } },
    async (request, reply) => {
      const useCase = signedInContext(request, deps);
      const ctx = await pageFor(request, deps);
      const org = await getOrganisation(deps.db, request.params.id);
      const posted = request.body[idField];
      const partId = typeof posted === 'string' && posted ? posted : null;
      if (partId && !isUuid(partId)) throw new AppError('NOT_FOUND');
      const prefix = `${partPrefix(part.kind, partId)}-`;
      const values: FormValues = Object.fromEntries(
        Object.entries(request.body)
          .filter(([name]) => name.startsWith(prefix))
          .map(([name, value]) => [name.slice(prefix.length), value]),
      );
      return submitForm(reply, () => part.save(useCase, org.id, partId, part.inputOf(values)), {
        redirect: () => done(ctx.locale, org.id),
        refused: (problems) => part.page(ctx, org, { problems, values, failedId: partId ?? 'new' }),
      });
    },
  );

  app.post<{ Params: { id: string; partId: string } }>(
    `${path}/:partId/delete`,
    { schema: { hide: true, params: PartParams } },
    async (request, reply) => {
      const ctx = signedInContext(request, deps);
      const org = await getOrganisationBrief(deps.db, request.params.id);
      if (!isUuid(request.params.partId)) throw new AppError('NOT_FOUND');
      await part.remove(ctx, org.id, request.params.partId);
      return reply.redirect(done(localeOf(request), org.id), 303);
    },
  );
}
