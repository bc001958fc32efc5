// The questions' pages: the list and its search, asking, a question's page, answering and
// accepting an answer, as forms that work without JavaScript.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Database } from '../../../db/client.ts';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { doneNotice, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { actorOf } from '../../../shared/actor.ts';
import { one } from '../../../shared/form-values.ts';
import { pickText, type Locale } from '../../../shared/i18n-text.ts';
import { findMembershipsOfUser } from '../../access/index.ts';
import { getOrganisationBrief, getTaxonomy } from '../../directory/index.ts';
import { glossaryTermsIn } from '../../glossary/index.ts';
import type { QuestionPageData } from './page-data.ts';
import { acceptAnswer } from './accept-answer.ts';
import { answerQuestion } from './answer-question.ts';
import { askQuestion } from './ask-question.ts';
import {
  AnswerBody,
  AskBody,
  answerInput,
  questionInput,
  refusedAnswer,
  refusedQuestion,
} from './post-forms.ts';
import { questionPageData } from './question-page-data.ts';
import { readerOf } from './questions.policy.ts';
import { searchQuestions } from './search-questions.ts';
import { AskPage } from './views/ask.page.tsx';
import { QuestionPage } from './views/question.page.tsx';
import { QuestionsPage } from './views/questions.page.tsx';

const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  theme: Type.Optional(Type.String({ maxLength: 100 })),
  commune: Type.Optional(Type.String({ maxLength: 10 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  done: Type.Optional(Type.String({ maxLength: 20 })),
});
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });
const AcceptBody = Type.Object({ answer: Type.String({ maxLength: 64 }) });

type Taxonomy = Awaited<ReturnType<typeof getTaxonomy>>;
/** The themes as the ask form lists them. */
export const themesOf = ({ themes }: Taxonomy) =>
  themes.map((t) => ({
    code: t.code,
    name: t.name,
    children: t.children.map((c) => ({ code: c.code, name: c.name })),
  }));
const themeNamer =
  ({ byCode }: Taxonomy, locale: Locale) =>
  (code: string) =>
    pickText(byCode.get(code)?.name, locale)?.text ?? code;

async function myOrganisations(db: Database, userId: string) {
  const mine = await findMembershipsOfUser(db, userId);
  return Promise.all(
    mine.map(async (m) => ({
      id: m.organisationId,
      name: (await getOrganisationBrief(db, m.organisationId)).name,
    })),
  );
}

export const questionsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  /** The glossary's words in the question and its visible answers (from memory, no query). */
  const termsOf = ({ question, answers }: QuestionPageData, locale: Locale) =>
    glossaryTermsIn(
      deps.services.glossary,
      [question.title, question.body, ...answers.filter((a) => !a.hiddenAt).map((a) => a.body)],
      locale,
    );
  const actorOrNull = (request: FastifyRequest) => (request.signedIn ? actorOf(request.signedIn) : null);

  app.get('/questions', { schema: { hide: true, querystring: ListQuery } }, async (request, reply) => {
    const ctx = await pageFor(request, deps);
    const { q, theme, commune, page = 1, done } = request.query;
    const taxonomy = await getTaxonomy(db);
    const search = {
      q: q?.trim() || undefined,
      theme: theme && taxonomy.byCode.has(theme) ? theme : undefined,
      commune: commune && /^\d{5}$/.test(commune) ? commune : undefined,
      page,
      perPage: 20,
    };
    const reader = await readerOf(db, actorOrNull(request));
    const results = await searchQuestions(db, reader, search);
    return sendHtml(
      reply,
      QuestionsPage({
        ctx,
        data: { search, results, themes: themesOf(taxonomy), reader },
        done: doneNotice(ctx, 'network.question.done', done)?.text,
      }),
    );
  });

  app.get('/questions/new', { schema: { hide: true } }, async (request, reply) => {
    const nctx = signedInContext(request, deps);
    const ctx = await pageFor(request, deps);
    const [organisations, taxonomy] = await Promise.all([
      myOrganisations(db, nctx.actor.userId),
      getTaxonomy(db),
    ]);
    return sendHtml(reply, AskPage({ ctx, organisations, themes: themesOf(taxonomy) }));
  });

  app.post('/questions/new', { schema: { hide: true, body: AskBody } }, async (request, reply) => {
    const nctx = signedInContext(request, deps);
    const b = request.body;
    return submitForm(
      reply,
      () => askQuestion(nctx, { ...questionInput(b), organisationId: one(b.organisation) }),
      {
        redirect: ({ id }) => `/${nctx.locale}/questions/${id}?done=asked`,
        refused: async (problems) => {
          const ctx = await pageFor(request, deps);
          const [organisations, taxonomy] = await Promise.all([
            myOrganisations(db, nctx.actor.userId),
            getTaxonomy(db),
          ]);
          return AskPage({
            ctx,
            organisations,
            themes: themesOf(taxonomy),
            values: refusedQuestion(b),
            problems,
          });
        },
      },
    );
  });

  app.get(
    '/questions/:id',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const [data, taxonomy] = await Promise.all([
        questionPageData(db, actorOrNull(request), request.params.id),
        getTaxonomy(db),
      ]);
      return sendHtml(
        reply,
        QuestionPage({
          ctx,
          data,
          themeName: themeNamer(taxonomy, ctx.locale),
          done: doneNotice(ctx, 'network.question.done', request.query.done)?.text,
          terms: await termsOf(data, ctx.locale),
        }),
      );
    },
  );

  app.post(
    '/questions/:id/answers',
    { schema: { hide: true, params: IdParams, body: AnswerBody } },
    async (request, reply) => {
      const nctx = signedInContext(request, deps);
      const b = request.body;
      return submitForm(
        reply,
        () => answerQuestion(nctx, request.params.id, { ...answerInput(b), organisationId: b.organisation }),
        {
          redirect: ({ id, questionId }) =>
            `/${nctx.locale}/questions/${questionId}?done=answered#answer-${id}`,
          refused: async (problems) => {
            const ctx = await pageFor(request, deps);
            const [data, taxonomy] = await Promise.all([
              questionPageData(db, nctx.actor, request.params.id),
              getTaxonomy(db),
            ]);
            const values = { ...refusedAnswer(b), organisation: b.organisation ?? '' };
            return QuestionPage({
              ctx,
              data,
              themeName: themeNamer(taxonomy, ctx.locale),
              values,
              problems,
              terms: await termsOf(data, ctx.locale),
            });
          },
        },
      );
    },
  );

  app.post(
    '/questions/:id/accept',
    { schema: { hide: true, params: IdParams, body: AcceptBody } },
    async (request, reply) => {
      const nctx = signedInContext(request, deps);
      const { questionId, answerId } = await acceptAnswer(nctx, request.params.id, request.body.answer);
      return reply.redirect(`/${nctx.locale}/questions/${questionId}?done=accepted#answer-${answerId}`, 303);
    },
  );
};
