// The owners' survey pages: an organisation's surveys (a tab of its management pages) and the
// network's (the moderators'), the builder to make and change one, and the answers as CSV.
// The builder posts the whole survey: "add", "move" and "remove" show it again changed, "save" stores it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { errorMessage } from '../../../http/error-handler.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { doneNotice, type PageContext, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { type FormValues, one } from '../../../shared/form-values.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { MultiLineText } from '../../../shared/schema-text.ts';
import { getOrganisationBrief, getTaxonomy } from '../../directory/index.ts';
import { applyAction, draftValues, readAction, readDraft, type SurveyDraft } from './survey-draft.ts';
import { surveyNames } from './survey-names.ts';
import { changeSurvey } from './use-cases/change-survey.ts';
import { createSurvey } from './use-cases/create-survey.ts';
import { exportAnswers } from './use-cases/export-answers.ts';
import { listSurveys } from './use-cases/list-surveys.ts';
import { newSurvey } from './use-cases/new-survey.ts';
import { surveyForEditing } from './use-cases/survey-for-editing.ts';
import { type BuilderData, SurveyBuilderPage } from './views/survey-builder.page.tsx';
import { surveyCsv } from './views/survey-csv.ts';
import { SurveyListPage } from './views/survey-list.page.tsx';

/** The builder's fields: fixed ones and numbered questions; texts of several lines where the options are. */
const BuilderBody = Type.Object(
  {},
  {
    additionalProperties: Type.Union([
      // Longer than any field may be, so that a long text gets its message next to its field.
      MultiLineText({ maxLength: 20_000 }),
      Type.Array(MultiLineText({ maxLength: 20_000 }), { maxItems: 5 }),
    ]),
    maxProperties: 3000,
  },
);
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 64 }) });
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

export const surveysWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  const themes = async () => (await getTaxonomy(db)).themes.map((t) => ({ code: t.code, name: t.name }));
  const organisationName = async (ctx: PageContext, id: string) =>
    pickText((await getOrganisationBrief(db, id)).name, ctx.locale)?.text ?? '';
  /** The list of an owner's surveys. */
  const listPath = (ctx: PageContext, organisationId: string | null) =>
    organisationId
      ? `/${ctx.locale}/manage/organisations/${organisationId}/surveys`
      : `/${ctx.locale}/moderation/surveys`;

  async function builderData(
    ctx: PageContext,
    organisationId: string | null,
    action: string,
  ): Promise<BuilderData> {
    return {
      action,
      ownerName: organisationId ? await organisationName(ctx, organisationId) : null,
      back: listPath(ctx, organisationId),
      themes: await themes(),
    };
  }

  const showBuilder = (reply: FastifyReply, ctx: PageContext, data: BuilderData, draft: SurveyDraft) =>
    sendHtml(
      reply,
      SurveyBuilderPage({ ctx, data, values: draftValues(draft), count: draft.questions.length }),
    );

  async function listPage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    doneCode?: string,
  ) {
    const surveys = await listSurveys(signedInContext(request, deps), id);
    const ctx = await pageFor(request, deps);
    const organisation = id ? { id: id.toLowerCase(), name: await organisationName(ctx, id) } : null;
    const done = doneNotice(ctx, 'signals.survey.done', doneCode)?.text;
    const newPath = `${listPath(ctx, organisation?.id ?? null)}/new`;
    return sendHtml(reply, SurveyListPage({ ctx, organisation, surveys, newPath, done }));
  }

  async function newPage(request: FastifyRequest, reply: FastifyReply, id: string | null) {
    const draft = await newSurvey(signedInContext(request, deps), id);
    const ctx = await pageFor(request, deps);
    const owner = id?.toLowerCase() ?? null;
    return showBuilder(reply, ctx, await builderData(ctx, owner, `${listPath(ctx, owner)}/new`), draft);
  }

  /** "Add", "move", "remove": the form again, changed; "save": the survey checked and stored. */
  async function postNew(
    request: FastifyRequest<{ Body: FormValues }>,
    reply: FastifyReply,
    id: string | null,
  ) {
    const useCase = signedInContext(request, deps);
    const ctx = await pageFor(request, deps);
    const owner = id?.toLowerCase() ?? null;
    const draft = readDraft(request.body);
    const action = readAction(one(request.body.action));
    if (action.kind !== 'save') {
      await newSurvey(useCase, id);
      const data = await builderData(ctx, owner, `${listPath(ctx, owner)}/new`);
      return showBuilder(reply, ctx, data, applyAction(draft, action));
    }
    return submitForm(reply, () => createSurvey(useCase, id, draft), {
      redirect: () => `${listPath(ctx, owner)}?done=created`,
      refused: async (problems) =>
        SurveyBuilderPage({
          ctx,
          data: await builderData(ctx, owner, `${listPath(ctx, owner)}/new`),
          values: request.body,
          count: draft.questions.length,
          problems,
        }),
    });
  }

  app.get(
    '/manage/organisations/:id/surveys',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    (request, reply) => listPage(request, reply, request.params.id, request.query.done),
  );
  app.get('/moderation/surveys', { schema: { hide: true, querystring: DoneQuery } }, (request, reply) =>
    listPage(request, reply, null, request.query.done),
  );
  app.get(
    '/manage/organisations/:id/surveys/new',
    { schema: { hide: true, params: IdParams } },
    (request, reply) => newPage(request, reply, request.params.id),
  );
  app.get('/moderation/surveys/new', { schema: { hide: true } }, (request, reply) =>
    newPage(request, reply, null),
  );
  app.post(
    '/manage/organisations/:id/surveys/new',
    { schema: { hide: true, params: IdParams, body: BuilderBody } },
    (request, reply) => postNew(request as FastifyRequest<{ Body: FormValues }>, reply, request.params.id),
  );
  app.post('/moderation/surveys/new', { schema: { hide: true, body: BuilderBody } }, (request, reply) =>
    postNew(request as FastifyRequest<{ Body: FormValues }>, reply, null),
  );

  app.get('/surveys/:slug/edit', { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
    const { survey, draft, responses } = await surveyForEditing(
      signedInContext(request, deps),
      request.params.slug,
    );
    const ctx = await pageFor(request, deps);
    const data = await builderData(ctx, survey.organisationId, `/${ctx.locale}/surveys/${survey.slug}/edit`);
    const page = SurveyBuilderPage({
      ctx,
      data: {
        ...data,
        editing: { responses, slug: survey.slug, title: pickText(survey.title, ctx.locale)?.text ?? '' },
      },
      values: draftValues(draft),
      count: draft.questions.length,
    });
    return sendHtml(reply, page);
  });

  app.post(
    '/surveys/:slug/edit',
    { schema: { hide: true, params: SlugParams, body: BuilderBody } },
    async (request, reply) => {
      const useCase = signedInContext(request, deps);
      const { survey, responses } = await surveyForEditing(useCase, request.params.slug);
      const ctx = await pageFor(request, deps);
      const body = request.body as FormValues;
      const draft = readDraft(body);
      const action = readAction(one(body.action));
      // What the owner's form held: the closing moment alone, or (without the field) the whole survey.
      const scope = one(body.scope) === 'closing' ? 'closing' : 'all';
      const editData = async (answered: number) => ({
        ...(await builderData(ctx, survey.organisationId, `/${ctx.locale}/surveys/${survey.slug}/edit`)),
        editing: {
          responses: answered,
          slug: survey.slug,
          title: pickText(survey.title, ctx.locale)?.text ?? '',
        },
      });
      const data = await editData(responses);
      if (action.kind !== 'save' && !responses)
        return showBuilder(reply, ctx, data, applyAction(draft, action));
      return submitForm(reply, () => changeSurvey(useCase, survey.slug, draft, scope), {
        redirect: ({ organisationId }) => `${listPath(ctx, organisationId)}?done=changed`,
        alsoShown: ['SURVEY_ANSWERED_MEANWHILE'],
        refused: async (problems, error) => {
          if (error.code !== 'SURVEY_ANSWERED_MEANWHILE')
            return SurveyBuilderPage({ ctx, data, values: body, count: draft.questions.length, problems });
          // Someone answered while the owner changed the whole survey: the closing-only form, as it
          // is stored, with the closing moment she typed.
          const fresh = await surveyForEditing(useCase, survey.slug);
          return SurveyBuilderPage({
            ctx,
            data: await editData(fresh.responses),
            values: { ...draftValues(fresh.draft), closes_on: body.closes_on, closes_time: body.closes_time },
            count: fresh.draft.questions.length,
            warning: errorMessage(ctx.t, error),
          });
        },
      });
    },
  );

  app.get(
    '/surveys/:slug/answers.csv',
    { schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const { survey, answers } = await exportAnswers(
        { ...signedInContext(request, deps), keys: deps.keys },
        request.params.slug,
      );
      const ctx = await pageFor(request, deps);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="survey-${survey.slug}.csv"`)
        .header('cache-control', 'no-store')
        .send(surveyCsv(ctx, survey.questions, answers, surveyNames()));
    },
  );
};
