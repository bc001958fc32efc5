// Reporting a question or an answer (anyone, limited), and the moderators' forms: hide with a
// reason, restore, the list of open reports and dismissing one.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { errorMessage } from '../../../http/error-handler.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { doneNotice, localeOf, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { contextAs, signedInContext } from '../../../http/use-case-context.ts';
import { actorOf } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { RateLimiter } from '../../../shared/rate-limiter.ts';
import { isModerator } from '../../access/index.ts';
import { dismissPostReport } from './dismiss-post-report.ts';
import { findPost, type PostKind } from './find-post.ts';
import { hidePost } from './hide-post.ts';
import { listOpenPostReports } from './post-reports.repo.ts';
import { reportPost } from './report-post.ts';
import { findReportablePost } from './reportable-post.ts';
import { restorePost } from './restore-post.ts';
import { PostReportsPage } from './views/post-reports.page.tsx';
import { ReportPostPage } from './views/report-post.page.tsx';
import { MultiLineText } from '../../../shared/schema-text.ts';
import { HidePostPage } from './views/hide-post.page.tsx';

const PostParams = Type.Object({
  kind: Type.Union([Type.Literal('questions'), Type.Literal('answers')]),
  id: Type.String({ maxLength: 64 }),
});
/** Forms on a page with many posts prefix their fields ("r1a2b3c4d-reason"): any such name is taken. */
const PrefixedBody = Type.Record(Type.String({ maxLength: 60 }), MultiLineText({ maxLength: 5_000 }), {
  maxProperties: 10,
});
const field = (body: Record<string, string> | undefined, name: string) =>
  Object.entries(body ?? {}).find(([key]) => key === name || key.endsWith(`-${name}`))?.[1] ?? '';
const kindOf = (plural: 'questions' | 'answers'): PostKind =>
  plural === 'questions' ? 'question' : 'answer';

export const postModerationWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  // Reports need no account: a few per hour per person or address is plenty.
  const reportLimit = new RateLimiter(deps.database.pool, {
    name: 'post-report',
    points: 5,
    windowSeconds: 60 * 60,
  });
  const moderator = (request: FastifyRequest) => {
    const ctx = signedInContext(request, deps);
    if (!isModerator(ctx.actor)) throw new AppError('FORBIDDEN');
    return ctx;
  };

  const reportRoute = (plural: 'questions' | 'answers') => {
    // The form on a page of its own: the question's page links to it, light on a phone.
    app.get(`/${plural}/:id/report`, { schema: { hide: true, params: IdParams } }, async (request, reply) => {
      const actor = request.signedIn ? actorOf(request.signedIn) : null;
      const kind = kindOf(plural);
      const found = await findReportablePost(db, actor, { kind, id: request.params.id });
      return sendHtml(
        reply,
        ReportPostPage({
          ctx: await pageFor(request, deps),
          post: { kind, id: found.id },
          questionId: found.question.id,
        }),
      );
    });
    app.post(
      `/${plural}/:id/report`,
      { schema: { hide: true, params: IdParams, body: PrefixedBody } },
      async (request, reply) => {
        const actor = request.signedIn ? actorOf(request.signedIn) : null;
        const ctx = contextAs(request, deps, actor);
        const post = { kind: kindOf(plural), id: request.params.id };
        const values = { reason: field(request.body, 'reason'), message: field(request.body, 'message') };
        return submitForm(reply, () => reportPost(ctx, reportLimit, post, values), {
          alsoShown: ['RATE_LIMITED'],
          redirect: ({ questionId }) => `/${ctx.locale}/questions/${questionId}?done=reported`,
          refused: async (problems, error) => {
            const page = await pageFor(request, deps);
            const { question } = await findPost(db, post.kind, post.id);
            return ReportPostPage({
              ctx: page,
              post: { kind: post.kind, id: post.id.toLowerCase() },
              questionId: question.id,
              values: { reason: values.reason, message: values.message.slice(0, 1_000) },
              problems,
              message: error.code === 'RATE_LIMITED' ? errorMessage(page.t, error) : undefined,
            });
          },
        });
      },
    );
  };
  reportRoute('questions');
  reportRoute('answers');

  app.post(
    '/moderation/posts/:kind/:id/hide',
    { schema: { hide: true, params: PostParams, body: PrefixedBody } },
    async (request, reply) => {
      const ctx = moderator(request);
      const post = { kind: kindOf(request.params.kind), id: request.params.id };
      return submitForm(reply, () => hidePost(ctx, post, field(request.body, 'reason')), {
        redirect: ({ questionId }) => `/${ctx.locale}/questions/${questionId}?done=hidden`,
        refused: async (problems) => {
          const page = await pageFor(request, deps);
          const { question } = await findPost(db, post.kind, post.id);
          return HidePostPage({
            ctx: page,
            post: { kind: post.kind, id: post.id.toLowerCase() },
            questionId: question.id,
            problems,
          });
        },
      });
    },
  );

  app.post(
    '/moderation/posts/:kind/:id/restore',
    { schema: { hide: true, params: PostParams } },
    async (request, reply) => {
      const ctx = moderator(request);
      const { questionId } = await restorePost(ctx, {
        kind: kindOf(request.params.kind),
        id: request.params.id,
      });
      return reply.redirect(`/${ctx.locale}/questions/${questionId}?done=restored`, 303);
    },
  );

  app.get(
    '/moderation/posts',
    {
      schema: {
        hide: true,
        querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }),
      },
    },
    async (request, reply) => {
      moderator(request);
      const ctx = await pageFor(request, deps);
      return sendHtml(
        reply,
        PostReportsPage({
          ctx,
          reports: await listOpenPostReports(db),
          done: doneNotice(ctx, 'network.report.done', request.query.done)?.text,
        }),
      );
    },
  );

  app.post(
    '/moderation/posts/reports/:id/dismiss',
    { schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (request, reply) => {
      await dismissPostReport(moderator(request), request.params.id);
      return reply.redirect(`/${localeOf(request)}/moderation/posts?done=dismissed`, 303);
    },
  );
};
