// Changing one's own question or answer: a form filled with what is there, then back to the
// question's page. Others are refused (403); a hidden post, or one under a hidden question, is not
// found, as on its page.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { findMembershipsOfUser } from '../../access/index.ts';
import { getTaxonomy } from '../../directory/index.ts';
import type { NetworkContext } from '../network-context.ts';
import { editAnswer } from './edit-answer.ts';
import { editQuestion } from './edit-question.ts';
import { findAnswer, findQuestion } from './questions.repo.ts';
import { requireAuthor } from './questions.policy.ts';
import { themesOf } from './questions.web.ts';
import {
  AnswerBody,
  AskBody,
  answerInput,
  questionInput,
  refusedAnswer,
  refusedQuestion,
} from './post-forms.ts';
import { EditAnswerPage } from './views/edit-answer.page.tsx';
import { AskPage } from './views/ask.page.tsx';

/** The forms of asking and answering, without the organisation: a post keeps the one it has. */
const QuestionBody = Type.Omit(AskBody, ['organisation']);
const EditAnswerBody = Type.Omit(AnswerBody, ['organisation']);

/** The question, if the signed-in person wrote it and may still change it. */
async function ownQuestion(ctx: NetworkContext, id: string) {
  const question = isUuid(id) ? await findQuestion(ctx.db, id.toLowerCase()) : undefined;
  if (!question) throw new AppError('QUESTION_NOT_FOUND');
  requireAuthor(
    ctx.actor,
    await findMembershipsOfUser(ctx.db, ctx.actor.userId),
    question,
    question,
    'QUESTION_NOT_FOUND',
  );
  return question;
}

/** The answer and its question, if the signed-in person wrote the answer and may still change it. */
async function ownAnswer(ctx: NetworkContext, id: string) {
  const answer = isUuid(id) ? await findAnswer(ctx.db, id.toLowerCase()) : undefined;
  const question = answer ? await findQuestion(ctx.db, answer.questionId) : undefined;
  if (!answer || !question) throw new AppError('ANSWER_NOT_FOUND');
  requireAuthor(
    ctx.actor,
    await findMembershipsOfUser(ctx.db, ctx.actor.userId),
    answer,
    question,
    'ANSWER_NOT_FOUND',
  );
  return { answer, question };
}

export const editPostsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;

  app.get('/questions/:id/edit', { schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const nctx = signedInContext(request, deps);
    const question = await ownQuestion(nctx, request.params.id);
    const ctx = await pageFor(request, deps);
    const values = {
      title: question.title,
      body: question.body,
      language: question.language,
      themes: question.themes,
      commune: question.communeNis ?? '',
      visibility: question.visibility,
    };
    return sendHtml(
      reply,
      AskPage({ ctx, organisations: [], themes: themesOf(await getTaxonomy(db)), values, editing: question }),
    );
  });

  app.post(
    '/questions/:id/edit',
    { schema: { hide: true, params: IdParams, body: QuestionBody } },
    async (request, reply) => {
      const nctx = signedInContext(request, deps);
      const b = request.body;
      return submitForm(reply, () => editQuestion(nctx, request.params.id, questionInput(b)), {
        redirect: ({ id }) => `/${nctx.locale}/questions/${id}?done=edited`,
        refused: async (problems) => {
          const question = await ownQuestion(nctx, request.params.id);
          const ctx = await pageFor(request, deps);
          return AskPage({
            ctx,
            organisations: [],
            themes: themesOf(await getTaxonomy(db)),
            values: refusedQuestion(b),
            problems,
            editing: question,
          });
        },
      });
    },
  );

  app.get('/answers/:id/edit', { schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const nctx = signedInContext(request, deps);
    const { answer, question } = await ownAnswer(nctx, request.params.id);
    const ctx = await pageFor(request, deps);
    // Its links as the page addresses they were given as, one per line: kept unless removed.
    const links = [
      ...answer.serviceIds.map((id) => `${nctx.origin}/${ctx.locale}/services/${id}`),
      ...answer.organisationIds.map((id) => `${nctx.origin}/${ctx.locale}/organisations/${id}`),
    ].join('\n');
    return sendHtml(
      reply,
      EditAnswerPage({
        ctx,
        answer,
        question,
        values: { body: answer.body, links, language: answer.language },
      }),
    );
  });

  app.post(
    '/answers/:id/edit',
    { schema: { hide: true, params: IdParams, body: EditAnswerBody } },
    async (request, reply) => {
      const nctx = signedInContext(request, deps);
      const b = request.body;
      return submitForm(reply, () => editAnswer(nctx, request.params.id, answerInput(b)), {
        redirect: ({ id, questionId }) => `/${nctx.locale}/questions/${questionId}?done=edited#answer-${id}`,
        refused: async (problems) => {
          const { answer, question } = await ownAnswer(nctx, request.params.id);
          const ctx = await pageFor(request, deps);
          return EditAnswerPage({ ctx, answer, question, values: refusedAnswer(b), problems });
        },
      });
    },
  );
};
