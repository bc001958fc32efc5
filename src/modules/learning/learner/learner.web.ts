// The learner's pages: the published paths, a path's first page, one page per card, the feedback
// of a choice or an answer, and the completion page. Every step is a POST answered with a redirect,
// so a reload counts nothing twice. A visitor's progress goes back to their browser as a signed
// cookie named after this path (sent to the learning pages); a signed-in learner's is saved on their account.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { contextAs } from '../../../http/use-case-context.ts';
import { actorOf } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { list } from '../../../shared/form-values.ts';
import { locales } from '../../../shared/i18n-text.ts';
import { composerOf, mayCompose } from '../learning.policy.ts';
import { endOfPath } from '../learning.vocabulary.ts';
import { resolveNext } from '../paths/path-graph.ts';
import { listPublishedPaths, type PathRow } from '../paths/paths.repo.ts';
import { CardPage } from '../views/card.page.tsx';
import { DonePage } from '../views/done.page.tsx';
import { type Feedback, FeedbackPage } from '../views/feedback.page.tsx';
import { PathStartPage } from '../views/path-start.page.tsx';
import { PathsListPage } from '../views/paths-list.page.tsx';
import { cardLinks, readablePath } from './learner-data.ts';
import { progressCookie, progressCookieName, progressOfCookie } from './progress-cookie.ts';
import { findProgress } from './progress.repo.ts';
import { type Progress, progressState } from './progress.ts';
import { restartPath } from './restart-path.ts';
import { type Step, takeStep } from './take-step.ts';

const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });
const ListQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) });
const CardParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  key: Type.String({ maxLength: 20 }),
});
const StepBody = Type.Object({
  step: Type.Optional(Type.String({ maxLength: 20 })),
  choice: Type.Optional(Type.String({ maxLength: 20 })),
  options: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 20 }),
      Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 }),
    ]),
  ),
});
const FeedbackQuery = Type.Object({
  choice: Type.Optional(Type.String({ maxLength: 20 })),
  answer: Type.Optional(Type.String({ maxLength: 200 })),
});
const NameBody = Type.Object({ name: Type.Optional(Type.String({ maxLength: 100 })) });
/** How long a visitor's browser keeps their progress. */
const keptFor = 180 * 24 * 3600;

export const learnerWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db, keys, config } = deps;
  const actorOrNull = (request: FastifyRequest) => (request.signedIn ? actorOf(request.signedIn) : null);

  async function progressOf(request: FastifyRequest, path: PathRow): Promise<Progress | null> {
    if (request.signedIn) return findProgress(db, request.signedIn.user.id, path.id);
    return progressOfCookie(keys, path.id, request.cookies[progressCookieName(path.id)]);
  }

  /**
   * A visitor's progress, for the learning pages in each language: under /{locale}/learn rather
   * than the path's own address, so that a path whose address (slug) changes keeps its learners'
   * progress. The cookie's name and its signature already name the path's id, so a broader Path
   * mixes nothing up; keeping old slugs with redirects would need a table of them instead.
   */
  function keep(request: FastifyRequest, reply: FastifyReply, path: PathRow, progress: Progress) {
    if (request.signedIn) return;
    for (const locale of locales)
      reply.setCookie(progressCookieName(path.id), progressCookie(keys, path.id, progress), {
        path: `/${locale}/learn`,
        httpOnly: true,
        sameSite: 'lax',
        secure: config.env === 'production',
        maxAge: keptFor,
      });
  }

  app.get('/learn', { schema: { hide: true, querystring: ListQuery } }, async (request, reply) => {
    const ctx = await pageFor(request, deps);
    const page = request.query.page ?? 1;
    const [{ paths, more }, composer] = await Promise.all([
      listPublishedPaths(db, page),
      composerOf(db, actorOrNull(request)),
    ]);
    return sendHtml(reply, PathsListPage({ ctx, paths, page, more, mayCompose: mayCompose(composer) }));
  });

  app.get('/learn/:slug', { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
    const ctx = await pageFor(request, deps);
    const { path, composer } = await readablePath(db, actorOrNull(request), request.params.slug);
    const state = progressState(await progressOf(request, path), path.cards);
    return sendHtml(reply, PathStartPage({ ctx, path, state, composer }));
  });

  app.post('/learn/:slug/start', { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
    const actor = actorOrNull(request);
    const { path } = await readablePath(db, actor, request.params.slug);
    const ctx = contextAs(request, deps, actor);
    const progress = await restartPath(ctx, path, await progressOf(request, path));
    keep(request, reply, path, progress);
    return reply.redirect(`/${ctx.locale}/learn/${path.slug}/${progress.cardKey}`, 303);
  });

  app.get('/learn/:slug/done', { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
    const ctx = await pageFor(request, deps);
    const { path } = await readablePath(db, actorOrNull(request), request.params.slug);
    const progress = await progressOf(request, path);
    return sendHtml(reply, DonePage({ ctx, path, completedAt: progress?.completedAt ?? null }));
  });

  // The name is shown on the page to print, and kept nowhere.
  app.post(
    '/learn/:slug/done',
    { schema: { hide: true, params: SlugParams, body: NameBody } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      if (!request.signedIn) throw new AppError('UNAUTHENTICATED');
      const { path } = await readablePath(db, actorOrNull(request), request.params.slug);
      const progress = await progressOf(request, path);
      const name = (request.body.name ?? '').trim().replace(/\s+/g, ' ');
      return sendHtml(reply, DonePage({ ctx, path, completedAt: progress?.completedAt ?? null, name }));
    },
  );

  app.get('/learn/:slug/:key', { schema: { hide: true, params: CardParams } }, async (request, reply) => {
    const ctx = await pageFor(request, deps);
    const { path } = await readablePath(db, actorOrNull(request), request.params.slug);
    const card = path.cards.find((c) => c.key === request.params.key);
    // A card that is no longer there (the path changed since): back to the path's first page.
    if (!card) return reply.redirect(`/${ctx.locale}/learn/${path.slug}`, 303);
    return sendHtml(
      reply,
      CardPage({ ctx, path, card, links: await cardLinks(db, deps.services.glossary, card, ctx.locale) }),
    );
  });

  app.post(
    '/learn/:slug/:key',
    { schema: { hide: true, params: CardParams, body: StepBody } },
    async (request, reply) => {
      const actor = actorOrNull(request);
      const { path } = await readablePath(db, actor, request.params.slug);
      const ctx = contextAs(request, deps, actor);
      const base = `/${ctx.locale}/learn/${path.slug}`;
      const card = path.cards.find((c) => c.key === request.params.key);
      // A card that is no longer there (the path changed since): back to the path's first page.
      if (!card) return reply.redirect(base, 303);
      const b = request.body;
      const step: Step =
        b.step === 'choose'
          ? { kind: 'choose', choice: b.choice ?? '' }
          : b.step === 'answer'
            ? { kind: 'answer', options: list(b.options) }
            : { kind: 'continue' };
      const before = await progressOf(request, path);
      const { learningSteps, learningCounts } = deps.services;
      const tally = learningSteps.allow(request.ip) ? learningCounts : null;
      return submitForm(reply, () => takeStep(ctx, path, card.key, step, before, tally), {
        done: (taken) => {
          if (taken.kind === 'elsewhere') return reply.redirect(taken.at ? `${base}/${taken.at}` : base, 303);
          keep(request, reply, path, taken.progress);
          const accepted = encodeURIComponent(taken.accepted.join('.'));
          if (card.kind === 'situation')
            return reply.redirect(`${base}/${card.key}/feedback?choice=${accepted}`, 303);
          if (card.kind === 'quiz')
            return reply.redirect(`${base}/${card.key}/feedback?answer=${accepted}`, 303);
          return reply.redirect(taken.next === endOfPath ? `${base}/done` : `${base}/${taken.next}`, 303);
        },
        refused: async (problems) => {
          const page = await pageFor(request, deps);
          return CardPage({
            ctx: page,
            path,
            card,
            links: await cardLinks(db, deps.services.glossary, card, page.locale),
            problems,
          });
        },
      });
    },
  );

  app.get(
    '/learn/:slug/:key/feedback',
    { schema: { hide: true, params: CardParams, querystring: FeedbackQuery } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const { path } = await readablePath(db, actorOrNull(request), request.params.slug);
      const index = path.cards.findIndex((c) => c.key === request.params.key);
      const card = path.cards[index];
      let feedback: Feedback | undefined;
      if (card?.kind === 'situation') {
        const choice = card.choices.find((c) => c.key === request.query.choice);
        if (choice)
          feedback = { kind: 'situation', card, choice, next: resolveNext(path.cards, index, choice.next) };
      } else if (card?.kind === 'quiz') {
        const chosen = (request.query.answer ?? '')
          .split('.')
          .filter((k) => card.options.some((o) => o.key === k));
        if (chosen.length) {
          const right = card.options.every((o) => o.correct === chosen.includes(o.key));
          feedback = { kind: 'quiz', card, chosen, right, next: resolveNext(path.cards, index, card.next) };
        }
      }
      // A stale or made-up address: back to the card (or the path, when the card is gone).
      if (!feedback)
        return reply.redirect(`/${ctx.locale}/learn/${path.slug}${card ? `/${card.key}` : ''}`, 303);
      return sendHtml(reply, FeedbackPage({ ctx, path, feedback }));
    },
  );
};
