// The public survey pages, for anyone with the link and without an account: the answer form, the
// results as the owners chose to show them, and the printable page with the link and a QR code.
// One answer per browser: after answering, a cookie for this survey alone says so.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { errorMessage } from '../../../http/error-handler.ts';
import { submitForm } from '../../../http/form-route.ts';
import { doneNotice, type PageContext, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { contextAs } from '../../../http/use-case-context.ts';
import { actorOf } from '../../../shared/actor.ts';
import { type FormValues, one } from '../../../shared/form-values.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { RateLimiter } from '../../../shared/rate-limiter.ts';
import { geoReference } from '../../geo/index.ts';
import { latestClosing } from './check-survey.ts';
import type { SurveyView } from './survey-view.ts';
import { answerSurvey } from './use-cases/answer-survey.ts';
import { surveyResults } from './use-cases/survey-results.ts';
import { viewSurvey } from './use-cases/view-survey.ts';
import type { QuartierGroup } from './views/answer-fields.tsx';
import { SurveyAnswerPage } from './views/survey-answer.page.tsx';
import { SurveyResultsPage } from './views/survey-results.page.tsx';
import { SurveySharePage } from './views/survey-share.page.tsx';

const SlugParams = Type.Object({ slug: Type.String({ maxLength: 64 }) });
/** An answer per question (several for a multiple choice), as `a-<question id>`. */
const AnswerBody = Type.Object(
  {},
  {
    additionalProperties: Type.Union([
      // Longer than an answer may be, so that a long text gets its message next to its question.
      Type.String({ maxLength: 20_000 }),
      Type.Array(Type.String({ maxLength: 100 }), { maxItems: 25 }),
    ]),
    maxProperties: 100,
  },
);

/** Quartiers by commune, both by name in the reader's language, for the "which quartier" list. */
function quartierGroups(ctx: PageContext): QuartierGroup[] {
  const geo = geoReference();
  const name = (text: Parameters<typeof pickText>[0]) => pickText(text, ctx.locale)?.text ?? '';
  const byName = (a: string, b: string) => a.localeCompare(b, ctx.locale);
  return geo.communes
    .map((c) => ({
      commune: name(c.name),
      quartiers: geo.quartiers
        .filter((q) => q.communeNis === c.nis)
        .map((q) => ({ code: q.code, name: name(q.name) }))
        .sort((a, b) => byName(a.name, b.name)),
    }))
    .sort((a, b) => byName(a.commune, b.commune));
}

const resultsPublic = (survey: SurveyView) =>
  survey.resultsVisibility === 'while_open' || survey.state === 'closed';

export const surveyAnswerWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { config } = deps;
  // A room on one Wi-Fi may answer together; a script from one address may not flood a survey.
  const limit = new RateLimiter(deps.database.pool, {
    name: 'survey-ip',
    points: 50,
    windowSeconds: 60 * 60,
  });
  const cookieName = (slug: string) => `passerelle_survey_${slug}`;
  const answeredBefore = (request: FastifyRequest, slug: string) => request.cookies[cookieName(slug)] === '1';
  const visitor = (request: FastifyRequest) =>
    contextAs(request, deps, request.signedIn ? actorOf(request.signedIn) : null);

  app.get(
    '/surveys/:slug',
    {
      schema: {
        hide: true,
        params: SlugParams,
        querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }),
      },
    },
    async (request, reply) => {
      const survey = await viewSurvey(visitor(request), request.params.slug);
      const ctx = await pageFor(request, deps);
      const done = doneNotice(ctx, 'signals.survey.answer.done', request.query.done)?.text;
      const page = SurveyAnswerPage({
        ctx,
        survey,
        quartiers: quartierGroups(ctx),
        answered: answeredBefore(request, survey.slug),
        resultsShown: resultsPublic(survey),
        done,
      });
      return sendHtml(reply.header('cache-control', 'no-store'), page);
    },
  );

  app.post(
    '/surveys/:slug',
    { schema: { hide: true, params: SlugParams, body: AnswerBody } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const useCase = visitor(request);
      const survey = await viewSurvey(useCase, request.params.slug);
      const values = request.body as FormValues;
      const answered = answeredBefore(request, survey.slug);
      return submitForm(
        reply,
        () =>
          answerSurvey(
            { ...useCase, actor: null, limit, answeredBefore: answered, keys: deps.keys },
            survey.slug,
            values,
            one(values.version),
          ),
        {
          alsoShown: [
            'SURVEY_NOT_OPEN',
            'SURVEY_CLOSED',
            'SURVEY_ALREADY_ANSWERED',
            'RATE_LIMITED',
            'CONFLICT',
          ],
          done: (): FastifyReply => {
            reply.setCookie(cookieName(survey.slug), '1', {
              path: '/',
              httpOnly: true,
              sameSite: 'lax',
              secure: config.env === 'production',
              // Kept a month past the latest closing the survey may ever get (its closing can move),
              // so the browser stays known while anything may be answered.
              expires: new Date(latestClosing(survey.opensAt).getTime() + 31 * 24 * 60 * 60 * 1000),
            });
            return reply.redirect(`/${ctx.locale}/surveys/${survey.slug}?done=sent`, 303);
          },
          refused: (problems, error) =>
            SurveyAnswerPage({
              ctx,
              survey,
              quartiers: quartierGroups(ctx),
              answered: answered || error.code === 'SURVEY_ALREADY_ANSWERED',
              resultsShown: resultsPublic(survey),
              values,
              problems,
              message: error.code === 'VALIDATION_FAILED' ? undefined : errorMessage(ctx.t, error),
            }),
        },
      );
    },
  );

  app.get(
    '/surveys/:slug/results',
    { schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const data = await surveyResults({ ...visitor(request), keys: deps.keys }, request.params.slug);
      const ctx = await pageFor(request, deps);
      return sendHtml(reply.header('cache-control', 'no-store'), SurveyResultsPage({ ctx, data }));
    },
  );

  app.get('/surveys/:slug/share', { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
    const survey = await viewSurvey(visitor(request), request.params.slug);
    const ctx = await pageFor(request, deps);
    const link = `${ctx.origin}/${ctx.locale}/surveys/${survey.slug}`;
    const safeQrSvg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return sendHtml(reply, SurveySharePage({ ctx, survey, link, safeQrSvg }));
  });
};
