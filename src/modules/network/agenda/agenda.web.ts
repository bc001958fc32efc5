// The agenda page (list and month view) and the iCalendar feeds: the agenda's, with the same
// filters, and each organisation's events. Bad filters get the page again with a translated message
// (400), never an error of the server.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { DateTime } from 'luxon';
import { LRUCache } from 'lru-cache';
import type { WebDeps } from '../../../http/deps.ts';
import { localeOf, originOf, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { visitorPagesOf } from '../../../http/visitor-pages.ts';
import { translator } from '../../../i18n/index.ts';
import { AppError } from '../../../shared/errors.ts';
import { isLocale, type Locale, textIn } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { commonLanguages, getOrganisationBrief } from '../../directory/index.ts';
import { geoReference } from '../../geo/index.ts';
import { agendaFilters, type AgendaFilters, type AgendaQuery } from './agenda-filters.ts';
import { agendaIcs } from './agenda-ics.ts';
import { monthShape, monthWeeks } from './month-grid.ts';
import {
  agendaPageSize,
  agendaWords,
  findAgendaDates,
  findMonthDates,
  monthPerDay,
} from './agenda-queries.ts';
import type { AgendaPageData } from './page-data.ts';
import { AgendaPage } from './views/agenda.page.tsx';

const text = () => Type.Optional(Type.String({ maxLength: 40 }));
const Query = Type.Object({
  theme: text(),
  kind: text(),
  commune: text(),
  language: text(),
  from: text(),
  to: text(),
  view: text(),
  month: text(),
  page: text(),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
});
/** Dates a feed holds at most: a year ahead. */
const feedCap = 500;
/**
 * Feeds written in the last minute, by address: writing 500 entries takes ical-generator a few
 * hundred milliseconds, and calendar applications ask for the same feeds again and again.
 */
const feeds = new LRUCache<string, string>({ max: 300, ttl: 60_000 });

const feedQuery = (filters: AgendaFilters | null, locale: Locale) => {
  const params = new URLSearchParams({ lang: locale });
  if (filters)
    for (const key of ['theme', 'kind', 'commune', 'language'] as const) {
      const v = filters[key];
      if (v) params.set(key, v);
    }
  return `/agenda.ics?${params}`;
};

export const agendaWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  const words = () =>
    agendaWords(
      db,
      geoReference().communes.map((c) => c.nis),
      commonLanguages,
    );

  // Visitors' pages while the calendar stays as it was (one per language: this plugin is registered
  // under each).
  const visitorPages = visitorPagesOf(deps.db, 'agenda');

  app.get('/agenda', { schema: { hide: true, querystring: Query } }, async (request, reply) => {
    const page = await pageFor(request, deps);
    const known = await words();
    const checked = agendaFilters(request.query as AgendaQuery, known, new Date());
    const values = { ...request.query };
    const base = { values, themes: known.themeNames, items: [], hasNext: false, month: null };
    if ('problems' in checked) {
      const data: AgendaPageData = {
        ...base,
        filters: null,
        problems: checked.problems,
        feedUrl: feedQuery(null, page.locale),
      };
      return sendHtml(reply, AgendaPage({ ctx: page, data }), 400);
    }
    const { filters } = checked;
    const data: AgendaPageData = { ...base, filters, problems: [], feedUrl: feedQuery(filters, page.locale) };
    // From memory when it holds those dates, else from the database.
    const calendar = await deps.services.agenda.calendarFrom(filters.from);
    const make = async (ctx: typeof page) => {
      if (filters.view === 'month') {
        data.month = monthWeeks(
          filters.month,
          calendar
            ? calendar.month(filters, monthShape(filters.month).dayStarts, monthPerDay)
            : await findMonthDates(db, filters, monthPerDay),
        );
      } else {
        const rows = { limit: agendaPageSize + 1, offset: (filters.page - 1) * agendaPageSize };
        const items = calendar ? calendar.list(filters, rows) : await findAgendaDates(db, filters, rows);
        data.items = items.slice(0, agendaPageSize);
        data.hasNext = items.length > agendaPageSize;
      }
      return AgendaPage({ ctx, data });
    };
    // Kept only while the calendar in memory stays as it was.
    const html = calendar
      ? await visitorPages.page(page, request.url, [calendar.version], make)
      : await make(page);
    return sendHtml(reply, html);
  });
};

const sendIcs = (reply: FastifyReply, ics: string, file: string) =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${file}"`)
    .header('cache-control', 'public, max-age=300')
    .send(ics);

/** ?lang=fr, else the reader's language. */
const feedLocale = (request: FastifyRequest, lang: string | undefined): Locale =>
  isLocale(lang) ? lang : localeOf(request);

/** The feeds, at one address for every language (root routes). */
export const agendaFeedsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;

  app.get('/agenda.ics', { schema: { hide: true, querystring: Query } }, async (request, reply) => {
    const locale = feedLocale(request, request.query.lang);
    const { view: _view, month: _month, page: _page, lang: _lang, ...query } = request.query;
    // Keyed on the filters as read (unknown parameters are dropped), so made-up ones cannot bypass it.
    const key = `${locale} /agenda.ics ${JSON.stringify(Object.entries(query).sort())}`;
    const cached = feeds.get(key);
    if (cached) return sendIcs(reply, cached, 'agenda.ics');
    const now = new Date();
    const known = await agendaWords(
      db,
      geoReference().communes.map((c) => c.nis),
      commonLanguages,
    );
    const checked = agendaFilters(query, known, now);
    if ('problems' in checked) throw new AppError('VALIDATION_FAILED', { fields: checked.problems });
    // Dates to come, within a year.
    const inAYear = DateTime.fromJSDate(now).plus({ years: 1 }).toJSDate();
    const filters = {
      ...checked.filters,
      to: checked.filters.to < inAYear ? checked.filters.to : inAYear,
      withCalledOff: true,
    };
    const items = await findAgendaDates(db, filters, { limit: feedCap, offset: 0 });
    const t = translator(locale);
    const ics = agendaIcs(t.t('network.agenda.feed_name'), items, {
      origin: originOf(request, deps.config),
      locale,
      online: t.t('network.place.online'),
      now,
    });
    feeds.set(key, ics);
    return sendIcs(reply, ics, 'agenda.ics');
  });

  app.get(
    '/organisations/:id/events.ics',
    {
      schema: {
        hide: true,
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })) }),
      },
    },
    async (request, reply) => {
      const locale = feedLocale(request, request.query.lang);
      const { id } = request.params;
      if (!isUuid(id)) throw new AppError('ORGANISATION_NOT_FOUND');
      const key = `${locale} /organisations/${id.toLowerCase()}/events.ics`;
      const cached = feeds.get(key);
      if (cached) return sendIcs(reply, cached, 'events.ics');
      const organisation = await getOrganisationBrief(db, id.toLowerCase());
      const now = new Date();
      // Its dates from a month ago to a year ahead.
      const items = await findAgendaDates(
        db,
        {
          themes: null,
          theme: null,
          kind: null,
          commune: null,
          language: null,
          from: DateTime.fromJSDate(now).minus({ months: 1 }).toJSDate(),
          to: DateTime.fromJSDate(now).plus({ years: 1 }).toJSDate(),
          underWay: false,
          organisationId: organisation.id,
          withCalledOff: true,
        },
        { limit: feedCap, offset: 0 },
      );
      const t = translator(locale);
      const ics = agendaIcs(
        t.t('network.agenda.org_feed_name', { organisation: textIn(organisation.name, locale) }),
        items,
        { origin: originOf(request, deps.config), locale, online: t.t('network.place.online'), now },
      );
      feeds.set(key, ics);
      return sendIcs(reply, ics, 'events.ics');
    },
  );
};
