// Pages and searches start in a turn of their own (shared/turns.ts), in order of asking, with the
// other requests' bytes, the timers and the searches' slices in between. One turn of the event loop
// otherwise ran every request whose bytes had come in, one after the other: under 50 connections of
// the bench's search page (3.6 ms of work a page, its layout mostly kept) a turn took 50-120 ms,
// and a search's slices waited behind whole batches of pages. On the issue-scale copy of the bench's
// phases (session 32, two runs against three): the longest event-loop delay under the query mix,
// suggestions and search page 14-44 ms against 38-150, the search page's p99 451-491 ms against
// 1,117-1,469, with as many pages a second or more. The cost: the organisation and service pages, a
// tenth or two of a millisecond each from their caches, served 25-40 % fewer a second (3,000 and
// 5,000-6,500, their target 2,000). Other requests (the JSON APIs' lists and items, feeds, files,
// health, metrics) take no turn: a turn each cost the API's list a third of its requests a second.
// Decided by the route matched, as the router decodes the path ("/%6El/…" is "/nl/…").
import type { FastifyInstance, RouteOptions } from 'fastify';
import { nextTurn } from '../shared/turns.ts';
import { locales } from '../shared/i18n-text.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The routes given a turn ("GET /nl/search"), for tests. */
    turnRoutes: string[];
  }
}

const pagePrefixes = locales.map((locale) => `/${locale}`);

/** Whether a route is a page (/nl/…, /fr/…, /en/…) or a search of the API, asked with GET or HEAD. */
export function takesTurn(methods: string | string[], url: string): boolean {
  if (![methods].flat().some((method) => method === 'GET' || method === 'HEAD')) return false;
  if (url.startsWith('/api/v1/search')) return true;
  // "/nl", "/nl/…", not "/nlx".
  return pagePrefixes.some((prefix) => url === prefix || url.startsWith(`${prefix}/`));
}

const waitTurn = async (): Promise<void> => {
  await nextTurn();
};

/** Gives the routes declared from now on (here and in plugins registered after) their turn. */
export function requestTurns(app: FastifyInstance): void {
  const routes: string[] = [];
  app.decorate('turnRoutes', routes);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!takesTurn(route.method, route.url)) return;
    const own = route.preHandler === undefined ? [] : [route.preHandler].flat();
    // Once, should the HEAD route Fastify adds for a GET come with the GET's preHandler already.
    if (own.includes(waitTurn)) return;
    route.preHandler = [waitTurn, ...own];
    routes.push(`${[route.method].flat().join(',')} ${route.url}`);
  });
}
