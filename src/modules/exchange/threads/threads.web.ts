// The conversations about posts: answering a post from its page ("I can help" / "I am
// interested"), a thread's page and its answer form, and "my conversations". Plain forms that work
// without JavaScript; a refused message comes back with what was typed and why.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { errorMessage } from '../../../http/error-handler.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { doneNotice, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import type { AppError, ErrorCode } from '../../../shared/errors.ts';
import { RateLimiter } from '../../../shared/rate-limiter.ts';
import { MultiLineText } from '../../../shared/schema-text.ts';
import { getTaxonomy } from '../../directory/index.ts';
import type { ThreadContext } from '../exchange-context.ts';
import { threadLimits } from '../exchange.vocabulary.ts';
import { themesOf } from '../posts/board.web.ts';
import { postPageData } from '../posts/post-page-data.ts';
import type { AnswerRefusal } from '../views/answer-box.tsx';
import { ConversationsPage } from '../views/conversations.page.tsx';
import { PostPage } from '../views/post.page.tsx';
import { ThreadPage } from '../views/thread.page.tsx';
import { answerPost } from './answer-post.ts';
import { conversationsData } from './conversations-data.ts';
import { threadPageData } from './thread-page-data.ts';
import { writeMessage } from './write-message.ts';

/** Long enough to say "too long" in words rather than a bare 400. */
const Message = () => Type.Optional(MultiLineText({ maxLength: 3 * threadLimits.message }));
const AnswerBody = Type.Object({
  organisation: Type.Optional(Type.String({ maxLength: 64 })),
  message: Message(),
});
const MessageBody = Type.Object({ message: Message() });
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

/** Refusals shown on the form itself, in words, besides a field's problem. */
// Refusals shown above the form that keeps what was typed, rather than on an error page.
const shownOnForm: ErrorCode[] = [
  'RATE_LIMITED',
  'EMAIL_NOT_VERIFIED',
  'EXCHANGE_OWN_POST',
  'EXCHANGE_INFORMAL_NOT_ALLOWED',
  'EXCHANGE_POST_NOT_OPEN',
];

export const threadsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  // Counted in PostgreSQL, so the limit holds across every process of the app.
  const messageLimit = new RateLimiter(deps.database.pool, {
    name: 'exchange-message',
    points: threadLimits.perMinute,
    windowSeconds: 60,
  });
  const context = (request: FastifyRequest): ThreadContext => ({
    ...signedInContext(request, deps),
    messageLimit,
  });
  const refusalOf = async (
    request: FastifyRequest,
    values: AnswerRefusal['values'],
    problems: AnswerRefusal['problems'],
    error: AppError,
  ) => {
    const ctx = await pageFor(request, deps);
    const message = error.code === 'VALIDATION_FAILED' ? undefined : errorMessage(ctx.t, error);
    // What was typed comes back, cut to what the form takes.
    const kept = { ...values, message: values.message?.slice(0, threadLimits.message) };
    return { ctx, refusal: { values: kept, problems, message } };
  };

  app.get('/exchange/mine', { schema: { hide: true } }, async (request, reply) => {
    const ectx = signedInContext(request, deps);
    const [ctx, data] = await Promise.all([
      pageFor(request, deps),
      conversationsData(db, ectx.actor, ectx.now),
    ]);
    return sendHtml(reply, ConversationsPage({ ctx, data }));
  });

  app.post(
    '/exchange/:id/answer',
    { schema: { hide: true, params: IdParams, body: AnswerBody } },
    async (request, reply) => {
      const ectx = context(request);
      const values = request.body;
      return submitForm(reply, () => answerPost(ectx, request.params.id, values), {
        alsoShown: shownOnForm,
        redirect: ({ threadId }) => `/${ectx.locale}/exchange/threads/${threadId}?done=sent`,
        refused: async (problems, error) => {
          const { ctx, refusal } = await refusalOf(request, values, problems, error);
          const [data, taxonomy] = await Promise.all([
            postPageData(db, ectx.actor, request.params.id, ectx.now),
            getTaxonomy(db),
          ]);
          return PostPage({ ctx, data, themes: themesOf(taxonomy), refusal });
        },
      });
    },
  );

  app.get(
    '/exchange/threads/:id',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const ectx = signedInContext(request, deps);
      const [ctx, data] = await Promise.all([
        pageFor(request, deps),
        threadPageData(db, ectx.actor, request.params.id, ectx.now),
      ]);
      const done = doneNotice(ctx, 'exchange.done', request.query.done)?.text;
      return sendHtml(reply, ThreadPage({ ctx, data, done }));
    },
  );

  app.post(
    '/exchange/threads/:id',
    { schema: { hide: true, params: IdParams, body: MessageBody } },
    async (request, reply) => {
      const ectx = context(request);
      const values = request.body;
      return submitForm(reply, () => writeMessage(ectx, request.params.id, values.message), {
        alsoShown: ['RATE_LIMITED', 'EMAIL_NOT_VERIFIED'],
        redirect: ({ threadId }) => `/${ectx.locale}/exchange/threads/${threadId}?done=sent#reply-title`,
        refused: async (problems, error) => {
          const { ctx, refusal } = await refusalOf(request, values, problems, error);
          const data = await threadPageData(db, ectx.actor, request.params.id, ectx.now);
          return ThreadPage({ ctx, data, refusal });
        },
      });
    },
  );
};
