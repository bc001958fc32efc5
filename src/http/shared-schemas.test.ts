import Fastify, { type RouteOptions } from 'fastify';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { schemaKey, shareRouteSchemas } from './shared-schemas.ts';

describe('shared route schemas', () => {
  it('give routes whose schemas read the same one object each, which Ajv compiles once', async () => {
    const app = Fastify();
    shareRouteSchemas(app);
    const seen: RouteOptions[] = [];
    app.addHook('onRoute', (route) => void seen.push(route));
    // As a page plugin registered once per language makes them: a new object each time.
    const params = () => Type.Object({ id: Type.String({ maxLength: 64 }) });
    for (const prefix of ['/nl', '/fr', '/en'])
      app.get(`${prefix}/items/:id`, { schema: { params: params() } }, async () => 'x');
    app.get(
      '/other/:id',
      { schema: { params: Type.Object({ id: Type.String({ maxLength: 10 }) }) } },
      async () => 'x',
    );
    await app.ready();
    const objects = seen.filter((route) => route.method === 'GET').map((route) => route.schema!.params);
    expect(objects[1]).toBe(objects[0]);
    expect(objects[2]).toBe(objects[0]);
    expect(objects[3]).not.toBe(objects[0]);
    // Validation is what it was.
    expect((await app.inject('/fr/items/abc')).statusCode).toBe(200);
  });

  it('validate as before: the shared schema checks each route', async () => {
    const app = Fastify();
    shareRouteSchemas(app);
    for (const prefix of ['/nl', '/fr'])
      app.get(
        `${prefix}/items`,
        {
          schema: {
            querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })) }),
          },
        },
        async (request) => request.query,
      );
    expect((await app.inject('/fr/items?page=3')).json()).toEqual({ page: 3 });
    expect((await app.inject('/nl/items?page=12')).statusCode).toBe(400);
  });

  it('key a schema by its content, symbol marks included, and leave one that holds code alone', () => {
    const mark = Symbol('kind');
    expect(schemaKey({ type: 'string', [mark]: 'A' })).not.toBe(schemaKey({ type: 'string', [mark]: 'B' }));
    expect(schemaKey({ type: 'string', [mark]: 'A' })).toBe(schemaKey({ type: 'string', [mark]: 'A' }));
    expect(schemaKey({ type: 'string', check: () => true })).toBeNull();
    expect(schemaKey({ type: 'string', pattern: /a/ })).toBeNull();
    // TypeBox 1.x: a refinement's check sits in a property JSON does not show.
    expect(schemaKey(Type.Refine(Type.String(), (text) => text.length > 1))).toBeNull();
    expect(schemaKey(Type.String())).not.toBeNull();
    expect(schemaKey(Type.String())).not.toBe(schemaKey({ type: 'string' }));
  });
});
