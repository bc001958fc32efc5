// Calendar files: a room's public feed of when it is booked, an organisation's feed at its secret
// address (for a calendar application, which fetches without logging in), and one booking's file
// for the two organisations it concerns. All iCalendar, all from calendar-queries.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { localeOf } from '../../../http/request-context.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { translator } from '../../../i18n/index.ts';
import { AppError } from '../../../shared/errors.ts';
import { isLocale, type Locale, pickText } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { asPerson } from '../space-context.ts';
import { icsOf } from './calendar-ics.ts';
import { bookingEvent, organisationFeed, roomFeed } from './calendar-queries.ts';
import { findFeedVersion } from './feed-keys.repo.ts';
import { isFeedToken } from './feed-token.ts';

const words = (locale: Locale) => {
  const t = translator(locale);
  return {
    booked: t.t('spaces.calendar.booked'),
    asked: t.t('spaces.calendar.asked'),
    name: (text: Record<string, string>) => pickText(text, locale)?.text ?? '',
  };
};

const sendIcs = (reply: FastifyReply, ics: string, file: string, cache: string) =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${file}"`)
    .header('cache-control', cache)
    .send(ics);

/** ?lang=fr, else the reader's language. */
const feedLocale = (request: FastifyRequest, lang: string | undefined): Locale =>
  isLocale(lang) ? lang : localeOf(request);

const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })) });

/** The feeds, at one address for every language. */
export const calendarFeedsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  app.get(
    '/rooms/:id/calendar.ics',
    {
      schema: {
        hide: true,
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        querystring: LangQuery,
      },
    },
    async (request, reply) => {
      const locale = feedLocale(request, request.query.lang);
      const feed = await roomFeed(deps.db, request.params.id, new Date(), words(locale));
      return sendIcs(reply, icsOf(feed.name, feed.events, new Date()), 'room.ics', 'public, max-age=300');
    },
  );

  app.get(
    '/calendars/organisations/:id/bookings.ics',
    {
      schema: {
        hide: true,
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({
          ...LangQuery.properties,
          token: Type.Optional(Type.String({ maxLength: 64 })),
        }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const token = request.query.token ?? '';
      // A wrong address is "not found", like an organisation that does not exist.
      if (!isUuid(id) || !isFeedToken(deps.keys, id, await findFeedVersion(deps.db, id.toLowerCase()), token))
        throw new AppError('ORGANISATION_NOT_FOUND');
      const locale = feedLocale(request, request.query.lang);
      const feed = await organisationFeed(deps.db, id, new Date(), words(locale), locale);
      return sendIcs(reply, icsOf(feed.name, feed.events, new Date()), 'bookings.ics', 'private, no-store');
    },
  );
};

/** One booking's file, /{lang}/bookings/:id/calendar.ics, for the people it concerns. */
export const bookingFileWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  app.get(
    '/bookings/:id/calendar.ics',
    { schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (request, reply) => {
      const ctx = asPerson(signedInContext(request, deps));
      const { name, event } = await bookingEvent(ctx, request.params.id, words(ctx.locale), ctx.locale);
      return sendIcs(reply, icsOf(name, [event], new Date()), 'booking.ics', 'private, no-store');
    },
  );
};
