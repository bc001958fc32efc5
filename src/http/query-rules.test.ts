import Fastify from 'fastify';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { enforceQueryRules } from './query-rules.ts';

describe('query rules', () => {
  it('stop the app as a route without bounds on a numeric parameter is added', () => {
    const app = Fastify();
    enforceQueryRules(app);
    const query = Type.Object({ page: Type.Integer({ minimum: 1 }) });
    expect(() => app.get('/items', { schema: { querystring: query } }, () => 'x')).toThrow(
      'GET /items: the numeric parameter "page" needs a minimum and a maximum',
    );
  });

  it('list the routes with numeric parameters, with their ranges', async () => {
    const app = Fastify();
    enforceQueryRules(app);
    const query = Type.Object({
      page: Type.Integer({ minimum: 1, maximum: 10 }),
      lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
      q: Type.Optional(Type.String()),
    });
    app.get('/items', { schema: { querystring: query } }, () => 'x');
    await app.ready();
    expect(app.numericRoutes).toEqual([
      {
        method: 'GET',
        url: '/items',
        query: [
          { name: 'page', integer: true, minimum: 1, maximum: 10 },
          { name: 'lat', integer: false, minimum: -90, maximum: 90 },
        ],
      },
    ]);
  });
});
