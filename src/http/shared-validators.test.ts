import Fastify from 'fastify';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { sharedValidators } from './shared-validators.ts';

const Query = () =>
  Type.Object({
    page: Type.Integer({ minimum: 1, default: 1 }),
    tag: Type.Optional(Type.Array(Type.String())),
  });
const Body = () => Type.Object({ name: Type.String({ minLength: 2 }) }, { additionalProperties: false });

/** Two apps with the same routes: one with Fastify's own validators, one with validators made on demand. */
async function appWith(validators?: ReturnType<typeof sharedValidators>, counted?: { compiled: number }) {
  const app = Fastify({
    ajv: {
      customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true },
      onCreate: (ajv) => {
        const compile = ajv.compile.bind(ajv);
        ajv.compile = ((schema: unknown) => {
          if (counted) counted.compiled++;
          return compile(schema as object);
        }) as typeof ajv.compile;
      },
    },
    ...(validators
      ? { schemaController: { compilersFactory: { buildValidator: validators.buildValidator } } }
      : {}),
  });
  app.get('/items', { schema: { querystring: Query() } }, async (request) => request.query);
  app.post(
    '/items/:id',
    { schema: { params: Type.Object({ id: Type.Integer() }), body: Body() } },
    async (request) => ({
      params: request.params,
      body: request.body,
    }),
  );
  await app.ready();
  return app;
}

const requests = [
  { method: 'GET', url: '/items?page=3&tag=a' },
  { method: 'GET', url: '/items' },
  { method: 'GET', url: '/items?page=0' },
  { method: 'GET', url: '/items?page=x&tag=a&tag=b' },
  { method: 'POST', url: '/items/7', payload: { name: 'Amal', extra: 'dropped' } },
  { method: 'POST', url: '/items/7', payload: { name: 'A' } },
  { method: 'POST', url: '/items/seven', payload: { name: 'Amal' } },
] as const;

describe('request validators made on demand', () => {
  it('are not made before ready; the first request makes its own, prepare the rest', async () => {
    const counted = { compiled: 0 };
    const validators = sharedValidators();
    const app = await appWith(validators, counted);
    expect(counted.compiled).toBe(0);
    expect(validators.prepared).toBe(false);
    expect((await app.inject('/items?page=2')).json()).toEqual({ page: 2 });
    expect(counted.compiled).toBe(1);
    await validators.prepare(() => {});
    expect(validators.prepared).toBe(true);
    // The query's, the params' and the body's.
    expect(counted.compiled).toBe(3);
    await app.inject({ method: 'POST', url: '/items/7', payload: { name: 'Amal' } });
    expect(counted.compiled).toBe(3);
  });

  it("answer every request as Fastify's own validators do: coercion, defaults, removal, errors", async () => {
    const own = await appWith();
    const onDemand = await appWith(sharedValidators());
    for (const request of requests) {
      const [expected, actual] = [await own.inject(request), await onDemand.inject(request)];
      expect({ request, status: actual.statusCode, body: actual.json() as unknown }).toEqual({
        request,
        status: expected.statusCode,
        body: expected.json() as unknown,
      });
    }
    // What the comparison covers: a coerced array, a default, a removed property, and refusals.
    expect((await onDemand.inject(requests[0])).json()).toEqual({ page: 3, tag: ['a'] });
    expect((await onDemand.inject(requests[1])).json()).toEqual({ page: 1 });
    expect((await onDemand.inject(requests[4])).json()).toEqual({
      params: { id: 7 },
      body: { name: 'Amal' },
    });
    expect((await onDemand.inject(requests[3])).statusCode).toBe(400);
    expect((await onDemand.inject(requests[3])).json<{ message: string }>().message).toContain(
      'querystring/page',
    );
  });

  it('keep preparing past a schema that cannot be made, name its route and remember the failure', async () => {
    const validators = sharedValidators();
    const app = Fastify({
      schemaController: { compilersFactory: { buildValidator: validators.buildValidator } },
    });
    app.get(
      '/bad',
      { schema: { querystring: { type: 'object', properties: { a: { type: 'nope' } } } } },
      async () => 'x',
    );
    app.get('/good', { schema: { querystring: Query() } }, async () => 'ok');
    // Fastify's own would have refused to get ready.
    await app.ready();
    const failures: Error[] = [];
    await validators.prepare((error) => failures.push(error));
    expect(validators.prepared).toBe(true);
    expect(validators.failed).toBe(true);
    expect(failures.map((error) => [(error as { code?: string }).code, error.message])).toEqual([
      ['FST_ERR_SCH_VALIDATION_BUILD', expect.stringContaining('GET: /bad') as string],
    ]);
    expect((await app.inject('/good')).statusCode).toBe(200);
    expect((await app.inject('/bad')).statusCode).toBe(500);
  });

  it('refuse a headers schema, whose names Fastify would no longer lower-case: the start fails', async () => {
    const validators = sharedValidators();
    const app = Fastify({
      schemaController: { compilersFactory: { buildValidator: validators.buildValidator } },
    });
    app.get(
      '/key',
      { schema: { headers: Type.Object({ 'X-Api-Key': Type.String() }) } },
      async () => 'a key',
    );
    await expect(app.ready()).rejects.toMatchObject({ code: 'FST_ERR_SCH_VALIDATION_BUILD' });
  });

  it('stop preparing once told to (the app closing)', async () => {
    const validators = sharedValidators();
    const app = await appWith(validators);
    let asked = 0;
    await validators.prepare(
      () => {},
      () => ++asked > 1,
    );
    // One made before the stop; the others are left to their first requests.
    expect(validators.prepared).toBe(false);
    expect((await app.inject('/items?page=2')).json()).toEqual({ page: 2 });
  });
});
