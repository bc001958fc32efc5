// /{lang}/rooms: finding a room by place, time, size, accessibility and price. A GET form: the
// address of a search can be shared and bookmarked.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime } from 'luxon';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { list } from '../../../shared/form-values.ts';
import { roomTimeZone } from '../spaces.vocabulary.ts';
import { FindRoomsPage } from '../views/find-rooms.page.tsx';
import { findRooms, type RoomSearchResult } from './find-rooms.ts';

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const FindQuery = Type.Object({
  near: text(200),
  radius: text(4),
  date: text(20),
  from: text(10),
  until: text(10),
  people: text(10),
  access: Type.Optional(
    Type.Union([Type.String({ maxLength: 30 }), Type.Array(Type.String({ maxLength: 30 }), { maxItems: 5 })]),
  ),
  free: text(2),
  page: text(6),
});

const perPage = 30;

export const findRoomsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  app.get('/rooms', { schema: { hide: true, querystring: FindQuery } }, async (request, reply) => {
    const ctx = await pageFor(request, deps);
    const q = request.query;
    const date = q.date?.trim() ?? '';
    const [from, until] = [q.from?.trim() ?? '', (q.until?.trim() ?? '').replace(/^00:00$/, '24:00')];
    const timed = Boolean(date || from || until);
    const radius = Number(q.radius);
    const search = {
      near: q.near,
      radiusKm: [1, 2, 5].includes(radius) ? radius : undefined,
      start: timed ? `${date}T${from}` : undefined,
      end: timed ? `${date}T${until}` : undefined,
      people: q.people,
      accessibility: list(q.access),
      freeOnly: q.free === '1',
      page: /^\d{1,4}$/.test(q.page ?? '') ? Math.max(1, Number(q.page)) : 1,
      perPage,
    };
    let result: RoomSearchResult = { rooms: [], total: 0, place: null, slot: null };
    let problems: FieldProblem[] = [];
    try {
      result = await findRooms(deps.db, search, { locale: ctx.locale, now: new Date() });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      // The form's fields are date, from and until; the search's are start and end.
      problems = error.fields.map((p) => ({
        ...p,
        field:
          p.field === 'start'
            ? date
              ? 'from'
              : 'date'
            : p.field === 'end'
              ? 'until'
              : p.field === 'accessibility'
                ? 'access'
                : p.field,
      }));
    }
    const week = result.slot
      ? DateTime.fromJSDate(result.slot.start, { zone: roomTimeZone }).toISODate()
      : null;
    const html = FindRoomsPage({
      ctx,
      values: { ...q, radius: q.radius ?? '2' },
      problems,
      data: {
        ...result,
        placeLabel: result.place?.label ?? null,
        week,
        searched: Object.values(q).some((v) => v !== undefined && v !== ''),
        page: search.page,
        totalPages: Math.max(1, Math.ceil(result.total / perPage)),
        pageLink: (n: number) => {
          const params = new URLSearchParams();
          for (const [key, value] of Object.entries(q))
            for (const v of list(value as string | string[] | undefined))
              if (key !== 'page') params.append(key, v);
          params.set('page', String(n));
          return `/${ctx.locale}/rooms?${params.toString()}`;
        },
      },
    });
    return sendHtml(reply, html, problems.length ? 400 : 200);
  });
};
