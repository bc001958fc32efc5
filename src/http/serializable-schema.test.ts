import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { serializableSchema } from './serializable-schema.ts';

const name = Type.Object({ nl: Type.String(), fr: Type.String(), en: Type.String() });
const response = Type.Object({
  id: Type.String({ format: 'uuid' }),
  sent_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  quartier: Type.Union([Type.Integer(), Type.Null()], { description: 'Monitoring des Quartiers code.' }),
  score: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  open: Type.Union([Type.Boolean(), Type.Null()]),
  name: Type.Union([name, Type.Null()]),
  commune: Type.Union([Type.Object({ nis: Type.String(), name }, { required: ['nis'] }), Type.Null()]),
  status: Type.Union([Type.Literal('requested'), Type.Literal('confirmed')]),
  outcome: Type.Optional(
    Type.Union([Type.Union([Type.Literal('helped'), Type.Literal('not_helped')]), Type.Null()]),
  ),
  tags: Type.Array(Type.Union([Type.String(), Type.Null()])),
});

/** The serializer Fastify would make of `schema` (shared-serializers.ts). */
const serializerOf = (schema: unknown) =>
  SerializerSelector()({}, { compileValidators: true })({
    schema,
    method: 'GET',
    url: '/',
    httpStatus: '200',
  });

const unionsIn = (schema: unknown): number => JSON.stringify(schema).match(/"(anyOf|oneOf)"/g)?.length ?? 0;

describe('serializableSchema', () => {
  it('writes "this or null" and a choice of strings without a union, and leaves the schema it was given', () => {
    const before = JSON.stringify(response);
    const out = serializableSchema(response);
    expect(unionsIn(response)).toBe(10);
    expect(unionsIn(out)).toBe(0);
    expect(JSON.stringify(response)).toBe(before);
    expect((out as { properties: Record<string, unknown> }).properties.quartier).toEqual({
      type: 'integer',
      nullable: true,
      description: 'Monitoring des Quartiers code.',
    });
  });

  it('gives the same JSON as the union for every value the union allows', () => {
    const withUnions = serializerOf(response);
    const without = serializerOf(serializableSchema(response));
    const values = [
      {
        id: '8d4a5c0e-9f2b-4c51-a1f0-0d6f7f3b2a11',
        sent_at: '2026-12-07T10:00:00.000Z',
        quartier: 42,
        score: 0.75,
        open: true,
        name: { nl: 'Huis', fr: 'Maison "du" quartier', en: 'House' },
        commune: { nis: '21004', name: { nl: 'Brussel', fr: 'Bruxelles', en: 'Brussels' } },
        status: 'confirmed',
        outcome: 'helped',
        tags: ['a', null, 'ç\n"'],
      },
      {
        id: 'x',
        sent_at: null,
        quartier: null,
        score: null,
        open: null,
        name: null,
        commune: null,
        status: 'requested',
        outcome: null,
        tags: [],
      },
      {
        id: 'without the optional ones',
        sent_at: null,
        quartier: 0,
        open: false,
        name: { nl: '', fr: '', en: '' },
        commune: { nis: '21001' },
        status: 'requested',
        tags: [null],
      },
    ];
    for (const value of values) expect(without(value)).toBe(withUnions(value));
  });

  it('leaves a union it cannot write alike whole, its own unions too: of two kinds of objects, with keywords beside it, a date', () => {
    // Ajv picks the branch of this one by `kind`: its choice of strings must stay as it is.
    const twoObjects = Type.Union([
      Type.Object({
        kind: Type.Union([Type.Literal('a'), Type.Literal('b')]),
        a: Type.Optional(Type.String()),
      }),
      Type.Object({ kind: Type.Literal('c'), c: Type.String() }),
    ]);
    const besideIt = { anyOf: [{ type: 'string' }, { type: 'null' }], default: null };
    const stringOrNumber = Type.Union([Type.String(), Type.Number()]);
    const constOrNull = Type.Union([Type.Literal(1), Type.Null()]);
    const dates = {
      anyOf: [
        { type: 'string', format: 'date' },
        { type: 'string', const: 'never' },
      ],
    };
    const condition = {
      type: 'object',
      if: { properties: { a: { type: 'string' } } },
      then: { properties: { n: Type.Union([Type.String(), Type.Null()]) } },
    };
    for (const schema of [twoObjects, besideIt, stringOrNumber, constOrNull, dates, condition])
      expect(serializableSchema(schema)).toBe(schema);
    const inside = Type.Object({ either: twoObjects });
    expect((serializableSchema(inside) as { properties: { either: unknown } }).properties.either).toBe(
      twoObjects,
    );
  });

  it('keeps the values of a choice of strings', () => {
    expect(serializableSchema(Type.Union([Type.Literal('a'), Type.Literal('b')]))).toEqual({
      type: 'string',
      enum: ['a', 'b'],
    });
  });
});
