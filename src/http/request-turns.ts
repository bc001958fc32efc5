// Pages and searches start in a turn of their own (shared/turns.ts), in order of arrival, with the
// other requests' bytes, the timers and the searches' slices in between. One turn of the event loop
// otherwise ran every request whose bytes had come in, one after the other: under 50 connections of
// the bench's search page (3.6 ms of work a page, its layout mostly kept) a turn took 50-120 ms,
// and a search's slices waited behind whole batches of pages. On the issue-scale copy of the bench's
// phases (session 32, two runs against three): the longest event-loop delay under the query mix,
// suggestions and search page 14-44 ms against 38-150, the search page's p99 451-491 ms against
// 1,117-1,469, as many pages a second. The cost: the organisation and service pages, a tenth or two
// of a millisecond each from their caches, served about 30 % fewer a second (3,000 and 5,000-6,500,
// their target 2,000). The JSON API's lists and items, health and metrics take no turn: a turn each
// cost the API's list a third of its requests a second.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { nextTurn } from '../shared/turns.ts';
import { locales } from '../shared/i18n-text.ts';

const pagePrefixes = locales.map((locale) => `/${locale}`);

/** Whether a request is a page (/nl/…, /fr/…, /en/…) or a search of the API. */
export function takesTurn(request: Pick<FastifyRequest, 'method' | 'url'>): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const { url } = request;
  if (url.startsWith('/api/v1/search')) return true;
  for (const prefix of pagePrefixes) {
    if (!url.startsWith(prefix)) continue;
    const next = url.charCodeAt(prefix.length);
    // "/nl", "/nl/…", "/nl?…", not "/nlx".
    if (Number.isNaN(next) || next === 0x2f || next === 0x3f) return true;
  }
  return false;
}

export function requestTurns(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (takesTurn(request)) await nextTurn();
  });
}
