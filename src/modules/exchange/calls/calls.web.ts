// The calendar of funding calls (a GET form that works without JavaScript), a call's page, and the
// iCalendar feed of the deadlines.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { IdParams } from '../../../http/params.ts';
import { doneNotice, originOf, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { visitorPagesOf } from '../../../http/visitor-pages.ts';
import { actorOf } from '../../../shared/actor.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { AppError } from '../../../shared/errors.ts';
import { getTaxonomy } from '../../directory/index.ts';
import { themesOf } from '../posts/board.web.ts';
import { organisationNames } from '../posts/organisation-names.ts';
import { exchangeEditionOf } from '../exchange-edition.ts';
import { CallPage } from '../views/call.page.tsx';
import { CalendarPage } from '../views/calls-calendar.page.tsx';
import { callsIcs } from './calls-ics.ts';
import { followsFeedPath, isFollowsFeedToken } from './follows-feed-token.ts';
import { callReaderOf, maySeeCall, mayChangeCall, mayEditCall, mayPublish } from './calls.policy.ts';
import { findCall, followersAmong, helpPostsOf } from './calls.repo.ts';
import { funders } from './calls.vocabulary.ts';
import { type CallSearch, searchCalls, upcomingCalls } from './search-calls.ts';

const calendarPages = 50;
/** The feed's deadlines: the nearest this many. */
const feedCap = 500;

const CalendarQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  funder: Type.Optional(Type.String({ maxLength: 20 })),
  theme: Type.Optional(Type.String({ maxLength: 100 })),
  commune: Type.Optional(Type.String({ maxLength: 10 })),
  open: Type.Optional(Type.String({ maxLength: 1 })),
  informal: Type.Optional(Type.String({ maxLength: 1 })),
  organisation: Type.Optional(Type.String({ maxLength: 64 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: calendarPages })),
  done: Type.Optional(Type.String({ maxLength: 20 })),
});
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });
const FeedParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const FeedQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 64 })) });

const sendIcs = (reply: FastifyReply, ics: string, file: string, cache: string) =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${file}"`)
    .header('cache-control', cache)
    .send(ics);

export const callsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  // Visitors' pages while no call or post changed (one per language: registered under each).
  const visitorPages = visitorPagesOf(deps.db, 'calls');

  app.get(
    '/exchange/calls',
    { schema: { hide: true, querystring: CalendarQuery } },
    async (request, reply) => {
      const page = await pageFor(request, deps);
      const { q, theme, commune, organisation, page: number = 1 } = request.query;
      const actor = request.signedIn ? actorOf(request.signedIn) : null;
      const [taxonomy, reader] = await Promise.all([getTaxonomy(db), callReaderOf(db, actor)]);
      const profile = reader.organisations.find((o) => o.id === organisation?.toLowerCase());
      const search: CallSearch = {
        q: q?.trim() || undefined,
        funder: funders.find((f) => f === request.query.funder),
        theme: theme && taxonomy.byCode.has(theme) ? theme : undefined,
        commune: commune && /^\d{5}$/.test(commune) ? commune : undefined,
        open: request.query.open === '1' || undefined,
        informal: request.query.informal === '1' || undefined,
        organisation: profile?.id,
        page: number,
        perPage: 20,
      };
      const make = async (ctx: typeof page) => {
        const results = await searchCalls(db, search, new Date(), profile);
        return CalendarPage({
          ctx,
          data: {
            search,
            results: { ...results, more: results.more && number < calendarPages },
            themes: themesOf(taxonomy),
            organisations: reader.organisations.map((o) => ({ id: o.id, name: o.name })),
            publisher: mayPublish(reader),
          },
          done: doneNotice(ctx, 'exchange.calls.done', request.query.done)?.text,
        });
      };
      return sendHtml(
        reply,
        page.user || request.query.done
          ? make(page)
          : visitorPages.page(page, request.url, [await exchangeEditionOf(db)], make),
      );
    },
  );

  app.get('/exchange/calls.ics', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await pageFor(request, deps);
    const now = new Date();
    const calls = await upcomingCalls(db, now, feedCap);
    const ics = callsIcs(ctx.t.t('exchange.calls.feed_name'), calls, {
      origin: originOf(request, deps.config),
      locale: ctx.locale,
      now,
      deadline: (title) => ctx.t.t('exchange.calls.feed_deadline', { title }),
    });
    return sendIcs(reply, ics, 'funding-calls.ics', 'public, max-age=300');
  });

  // The deadlines of the calls an organisation follows, at an address only its members are shown.
  app.get(
    '/exchange/calls/organisations/:id/followed.ics',
    { schema: { hide: true, params: FeedParams, querystring: FeedQuery } },
    async (request, reply) => {
      const { id } = request.params;
      // A wrong address is "not found", like an organisation that does not exist.
      if (!isUuid(id) || !isFollowsFeedToken(deps.keys, id, request.query.token ?? ''))
        throw new AppError('ORGANISATION_NOT_FOUND');
      const ctx = await pageFor(request, deps);
      const now = new Date();
      const [calls, names] = await Promise.all([
        upcomingCalls(db, now, feedCap, id.toLowerCase()),
        organisationNames(db, [id]),
      ]);
      const ics = callsIcs(
        ctx.t.t('exchange.calls.followed_feed_name', {
          organisation: textIn(names.get(id.toLowerCase()), ctx.locale),
        }),
        calls,
        {
          origin: originOf(request, deps.config),
          locale: ctx.locale,
          now,
          deadline: (title) => ctx.t.t('exchange.calls.feed_deadline', { title }),
        },
      );
      return sendIcs(reply, ics, 'followed-calls.ics', 'private, no-store');
    },
  );

  app.get(
    '/exchange/calls/:id',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const actor = request.signedIn ? actorOf(request.signedIn) : null;
      const [call, reader, taxonomy] = await Promise.all([
        findCall(db, request.params.id),
        callReaderOf(db, actor),
        getTaxonomy(db),
      ]);
      if (!call || !maySeeCall(reader, call)) throw new AppError('EXCHANGE_CALL_NOT_FOUND');
      const [following, help] = await Promise.all([
        followersAmong(db, call.id, reader.organisationIds),
        helpPostsOf(db, call.id),
      ]);
      const names = await organisationNames(db, [
        ...(call.publisherId ? [call.publisherId] : []),
        ...help.map((h) => h.organisationId),
      ]);
      return sendHtml(
        reply,
        CallPage({
          ctx,
          data: {
            call,
            publisher: call.publisherId
              ? { id: call.publisherId, name: names.get(call.publisherId) ?? {} }
              : null,
            organisations: reader.organisations.map((o) => ({
              id: o.id,
              name: o.name,
              following: following.includes(o.id),
              feed: followsFeedPath(deps.keys, o.id, ctx.locale),
            })),
            help: help.map((h) => ({ id: h.id, organisation: names.get(h.organisationId) ?? {} })),
            mayChange: mayChangeCall(reader, call),
            mayEdit: mayEditCall(reader, call),
          },
          themes: themesOf(taxonomy),
          done: doneNotice(ctx, 'exchange.calls.done', request.query.done)?.text,
        }),
      );
    },
  );
};
