// The app gives its pages and searches their turn (request-turns.ts), wherever their modules declare
// them, and none to the API's lists and items, to health or to writes.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/test-app.ts';

const app = useTestApp({ demo: false });

describe('request turns in the app', () => {
  it('gives the pages and the API’s searches a turn, and not the API’s lists, health or writes', () => {
    const routes = app.t.app.turnRoutes;
    for (const route of [
      'GET /nl',
      'GET /fr/search',
      'HEAD /fr/search',
      'GET /en/services/:id',
      'GET /api/v1/search',
      'GET /api/v1/search/suggest',
    ])
      expect(routes, route).toContain(route);
    for (const route of ['GET /api/v1/services', 'GET /api/v1/services/:id', 'GET /healthz', 'GET /metrics'])
      expect(routes, route).not.toContain(route);
    expect(routes.filter((route) => !/^(GET|HEAD) /.test(route))).toEqual([]);
    // Each route once: the HEAD route Fastify adds for a GET has one turn, not two.
    expect(new Set(routes).size).toBe(routes.length);
  });
});
