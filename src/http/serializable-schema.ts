// A response schema as fast-json-stringify serialises it without Ajv. For a union (anyOf) it compiles
// an Ajv validator of the whole schema and, on every response, validates each union's value to pick
// the branch to write it with. Every union of the API's responses is "this or null" (TypeBox's
// `Type.Union([X, Type.Null()])`) or a choice of strings: written as a list of types (`type:
// ['string', 'null']`), which fast-json-stringify tells apart with a `typeof`, they give the same
// JSON. The 24 response serializers then compiled in 8 ms instead of 580 (measured in the tests'
// app), CPU that the process spent while its search index loaded, before /readyz said ready. Only
// the serialisers get this copy: the documented schema (OpenAPI) keeps its unions.

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords whose value is a schema, and those whose value is a list or a map of schemas. */
const oneSchema = [
  'items',
  'additionalProperties',
  'additionalItems',
  'not',
  'contains',
  'if',
  'then',
  'else',
];
const listOfSchemas = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const mapOfSchemas = ['properties', 'patternProperties', 'definitions', '$defs'];

/** A copy of `schema` with each union that needs no validator to serialise written without it. */
export function serializableSchema(schema: unknown): unknown {
  if (!isSchema(schema)) return schema;
  const out: Schema = { ...schema };
  for (const key of oneSchema) if (key in out) out[key] = serializableSchema(out[key]);
  for (const key of listOfSchemas)
    if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(serializableSchema);
  for (const key of mapOfSchemas) {
    const map = out[key];
    if (isSchema(map))
      out[key] = Object.fromEntries(
        Object.entries(map).map(([name, value]) => [name, serializableSchema(value)]),
      );
  }
  return Array.isArray(out.anyOf) ? withoutUnion(out) : out;
}

/** The union `schema.anyOf` written without it, when that serialises it alike; else `schema`. */
function withoutUnion(schema: Schema): Schema {
  const { anyOf, ...rest } = schema as Schema & { anyOf: unknown[] };
  // Keywords beside the union would apply to every branch: left to fast-json-stringify as they are.
  if (Object.keys(rest).some((key) => !annotations.has(key))) return schema;
  const branches = anyOf.filter(isSchema);
  if (branches.length !== anyOf.length || !branches.length) return schema;
  // Strings only (a choice of constants or enums): any string is written the same way.
  if (branches.every((b) => b.type === 'string' && Object.keys(b).every((k) => stringChoice.has(k))))
    return { ...rest, type: 'string' };
  // This or null: the branch as it is, null written before it is looked at (`nullable`).
  const isNull = (b: Schema) =>
    b.type === 'null' && Object.keys(b).every((k) => k === 'type' || annotations.has(k));
  const others = branches.filter((b) => !isNull(b));
  const [other] = others;
  if (others.length !== 1 || branches.length !== 2 || typeof other!.type !== 'string') return schema;
  if (Object.keys(other!).some((key) => !plainValue.has(key))) return schema;
  return { ...rest, ...other, nullable: true };
}

/** What does not change how a value is written. */
const annotations = new Set([
  'description',
  'title',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
]);
const stringValue = ['type', 'enum', 'format', 'pattern', 'minLength', 'maxLength', ...annotations];
const stringChoice = new Set([...stringValue, 'const']);
/** A branch that fast-json-stringify writes by its type alone (no union, condition or constant in it). */
const plainValue = new Set([
  ...stringValue,
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
]);
