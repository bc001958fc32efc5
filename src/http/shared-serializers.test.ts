import Fastify from 'fastify';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { sharedSerializers } from './shared-serializers.ts';

const Item = () =>
  Type.Object({ id: Type.String(), owner: Type.Union([Type.Object({ name: Type.String() }), Type.Null()]) });

async function appWith(serializers: ReturnType<typeof sharedSerializers>) {
  const app = Fastify({
    schemaController: { compilersFactory: { buildSerializer: serializers.buildSerializer } },
  });
  // As a page plugin registered once per language makes them: a new schema object each time.
  for (const prefix of ['/nl', '/fr', '/en'])
    app.get(`${prefix}/item`, { schema: { response: { 200: Item() } } }, async () => ({
      id: 'a',
      owner: prefix === '/nl' ? null : { name: prefix },
    }));
  await app.ready();
  return app;
}

describe('shared response serializers', () => {
  it('are made once per distinct schema, all of them by prepare, none by a request after it', async () => {
    let built = 0;
    const serializers = sharedSerializers(() => {
      built++;
      return (data) => JSON.stringify(data);
    });
    const app = await appWith(serializers);
    // Made lazily, the first request of a route made its validators (100-280 ms of event loop).
    expect(built).toBe(0);
    expect(serializers.prepared).toBe(false);
    await serializers.prepare(() => {});
    expect(serializers.prepared).toBe(true);
    expect(built).toBe(1);
    for (const prefix of ['/nl', '/fr', '/en'])
      expect((await app.inject(`${prefix}/item`)).statusCode).toBe(200);
    expect(built).toBe(1);
  });

  it('serialise anyOf branches as fast-json-stringify does, before and after prepare', async () => {
    const serializers = sharedSerializers();
    const app = await appWith(serializers);
    expect((await app.inject('/nl/item')).json()).toEqual({ id: 'a', owner: null });
    await serializers.prepare(() => {});
    expect((await app.inject('/fr/item')).json()).toEqual({ id: 'a', owner: { name: '/fr' } });
    expect((await app.inject('/en/item')).json()).toEqual({ id: 'a', owner: { name: '/en' } });
  });

  it('keep preparing past a schema that cannot be made, name its route once and remember the failure', async () => {
    let built = 0;
    const serializers = sharedSerializers((_schemas, route) => {
      built++;
      if (route.url === '/bad') throw new Error('unknown format');
      return (data) => JSON.stringify(data);
    });
    const app = Fastify({
      schemaController: { compilersFactory: { buildSerializer: serializers.buildSerializer } },
    });
    app.get('/bad', { schema: { response: { 200: Type.Object({ bad: Type.String() }) } } }, async () => ({
      bad: 'x',
    }));
    app.get('/good', { schema: { response: { 200: Item() } } }, async () => ({ id: 'a', owner: null }));
    await app.ready();
    const failures: Error[] = [];
    await serializers.prepare((error) => failures.push(error));
    // The good one is made too, not left to its first request.
    expect(serializers.prepared).toBe(true);
    expect(built).toBe(2);
    expect(serializers.failed).toBe(true);
    expect(failures.map((error) => [(error as { code?: string }).code, error.message])).toEqual([
      ['FST_ERR_SCH_SERIALIZATION_BUILD', expect.stringContaining('GET: /bad') as string],
    ]);
    expect((await app.inject('/good')).statusCode).toBe(200);
    expect((await app.inject('/bad')).statusCode).toBe(500);
    expect((await app.inject('/bad')).statusCode).toBe(500);
    // Not compiled again by each request.
    expect(built).toBe(2);
  });

  it("pass Fastify's serializerOpts to fast-json-stringify", async () => {
    const serializers = sharedSerializers();
    const app = Fastify({
      schemaController: { compilersFactory: { buildSerializer: serializers.buildSerializer } },
      serializerOpts: { rounding: 'ceil' },
    });
    app.get('/n', { schema: { response: { 200: Type.Object({ n: Type.Integer() }) } } }, async () => ({
      n: 1.2,
    }));
    await app.ready();
    await serializers.prepare(() => {});
    expect((await app.inject('/n')).json()).toEqual({ n: 2 });
  });
});
