// Following questions and themes (plain forms, on any page, that send the reader back to `next`),
// the reader's follows page, and the digest's unsubscribe link (a page that asks, then a form), and
// the address mail programs POST to in one click.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { doneNotice, localeOf, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { requireSignedIn } from '../../../http/signed-in.ts';
import { contextAs, signedInContext } from '../../../http/use-case-context.ts';
import { translator } from '../../../i18n/index.ts';
import { actorOf } from '../../../shared/actor.ts';
import { list } from '../../../shared/form-values.ts';
import { safeNext } from '../../../shared/safe-next.ts';
import { changeThemeFollows } from './change-theme-follows.ts';
import { followQuestionAsReader } from './follow-question.ts';
import { presentFollows } from './present-follows.ts';
import { unfollowQuestionAsReader } from './unfollow-question.ts';
import { requireUnsubscribeToken, unsubscribeByLink } from './unsubscribe-by-link.ts';
import { FollowsPage } from './views/follows.page.tsx';
import { UnsubscribePage } from './views/unsubscribe.page.tsx';

const NextBody = Type.Optional(Type.Object({ next: Type.Optional(Type.String({ maxLength: 500 })) }));
const ThemesBody = Type.Object({
  theme: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 80 }),
      Type.Array(Type.String({ maxLength: 80 }), { maxItems: 200 }),
    ]),
  ),
  action: Type.Optional(Type.String({ maxLength: 20 })),
  next: Type.Optional(Type.String({ maxLength: 500 })),
});
const TokenQuery = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 120 })),
  done: Type.Optional(Type.String({ maxLength: 20 })),
});

export const followsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const readerOf = (request: FastifyRequest) => {
    const { user } = requireSignedIn(request);
    return { id: user.id, email: user.email, emailVerified: user.emailVerifiedAt !== null };
  };

  for (const verb of ['follow', 'unfollow'] as const) {
    app.post(
      `/questions/:id/${verb}`,
      { schema: { hide: true, params: IdParams, body: NextBody } },
      async (request, reply) => {
        const ctx = signedInContext(request, deps);
        const { questionId } =
          verb === 'follow'
            ? await followQuestionAsReader(ctx, request.params.id)
            : await unfollowQuestionAsReader(ctx, request.params.id);
        const next = safeNext(request.body?.next) ?? `/${ctx.locale}/questions/${questionId}`;
        return reply.redirect(next, 303);
      },
    );
  }

  app.post('/follows/themes', { schema: { hide: true, body: ThemesBody } }, async (request, reply) => {
    const ctx = signedInContext(request, deps);
    const b = request.body;
    return submitForm(reply, () => changeThemeFollows(ctx, { themes: list(b.theme), action: b.action }), {
      redirect: ({ action }) =>
        safeNext(b.next) ??
        `/${ctx.locale}/account/follows?done=${action === 'follow' ? 'themes_followed' : 'theme_unfollowed'}`,
      refused: async (problems) =>
        FollowsPage({
          ctx: await pageFor(request, deps),
          data: await presentFollows(deps.db, readerOf(request)),
          problems,
        }),
    });
  });

  app.get(
    '/account/follows',
    {
      schema: {
        hide: true,
        querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 40 })) }),
      },
    },
    async (request, reply) => {
      const reader = readerOf(request);
      const ctx = await pageFor(request, deps);
      const data = await presentFollows(deps.db, reader);
      const done = doneNotice(ctx, 'network.follow.done', request.query.done)?.text;
      return sendHtml(reply, FollowsPage({ ctx, data, done }));
    },
  );

  app.get(
    '/follows/unsubscribe',
    { schema: { hide: true, querystring: TokenQuery } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      if (request.query.done === '1') return sendHtml(reply, UnsubscribePage({ ctx, done: true }));
      // A wrong link says so at once, before anyone presses the button.
      requireUnsubscribeToken(deps.keys, request.query.token);
      reply.header('cache-control', 'private, no-store');
      return sendHtml(reply, UnsubscribePage({ ctx, token: request.query.token, done: false }));
    },
  );

  app.post(
    '/follows/unsubscribe',
    {
      schema: {
        hide: true,
        querystring: TokenQuery,
        body: Type.Optional(Type.Object({ token: Type.Optional(Type.String({ maxLength: 120 })) })),
      },
    },
    async (request, reply) => {
      const signedIn = request.signedIn ? actorOf(request.signedIn) : null;
      const ctx = { ...contextAs(request, deps, signedIn), keys: deps.keys };
      await unsubscribeByLink(ctx, request.query.token ?? request.body?.token);
      return reply.redirect(`/${ctx.locale}/follows/unsubscribe?done=1`, 303);
    },
  );
};

/**
 * RFC 8058: a mail program's "unsubscribe" button POSTs List-Unsubscribe=One-Click to the address in
 * the digest's List-Unsubscribe header. Outside any session and without a form token (a root route
 * that skips sessions): the link's token names the reader and is the only key, as for the page.
 */
export const oneClickUnsubscribeWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  // Mail programs without one-click, and people, open the header's address: the page that asks.
  // Never unsubscribe on GET: link scanners open links.
  app.get(
    '/follows/unsubscribe/one-click',
    { schema: { hide: true, querystring: Type.Object({ token: Type.String({ maxLength: 120 }) }) } },
    async (request, reply) =>
      reply.redirect(
        `/${localeOf(request)}/follows/unsubscribe?token=${encodeURIComponent(request.query.token)}`,
        303,
      ),
  );

  app.post(
    '/follows/unsubscribe/one-click',
    {
      schema: {
        hide: true,
        querystring: Type.Object({ token: Type.String({ maxLength: 120 }) }),
        body: Type.Object({ 'List-Unsubscribe': Type.Literal('One-Click') }),
      },
    },
    async (request, reply) => {
      const ctx = { ...contextAs(request, deps, null), keys: deps.keys };
      await unsubscribeByLink(ctx, request.query.token);
      return reply
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(translator(ctx.locale).t('network.digest.unsubscribed'));
    },
  );
};
