// A response schema as fast-json-stringify serialises it without Ajv. For a union (anyOf) it compiles
// an Ajv validator of the whole schema and, on every response, validates the union's value to pick
// the branch to write it with. Every union of the API's responses is "this or null" (TypeBox's
// `Type.Union([X, Type.Null()])`) or a choice of strings: written as X with `nullable: true` (null
// is written before X is looked at) and as a string, they give the same JSON for every value the
// schema allows. The 24 response serializers then compiled in about 10 ms instead of 580 (measured
// in the tests' app), CPU that the process spent while its search index loaded, before /readyz said
// ready. Only the serializers get this copy: the documented schema (OpenAPI) keeps its unions.
// What Ajv still checks (a union of another kind, a condition) is left whole, its own unions too: a
// branch rewritten there could make Ajv pick another one.

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords whose schemas fast-json-stringify writes by type: a schema, a list or a map of them. */
const written = ['items', 'additionalProperties', 'additionalItems'];
const writtenList = ['prefixItems'];
const writtenMap = ['properties', 'patternProperties'];
/** Keywords it hands to Ajv, or that refer elsewhere: a schema with one is left as it is, whole. */
const checked = ['oneOf', 'allOf', 'not', 'contains', 'if', 'then', 'else', '$ref', 'definitions', '$defs'];

/** A copy of `schema` with each union that needs no validator to serialise written without it. */
export function serializableSchema(schema: unknown): unknown {
  if (!isSchema(schema) || checked.some((key) => key in schema)) return schema;
  const out: Schema = { ...schema };
  for (const key of written) if (key in out) out[key] = serializableSchema(out[key]);
  for (const key of writtenList)
    if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(serializableSchema);
  for (const key of writtenMap) {
    const map = out[key];
    if (isSchema(map))
      out[key] = Object.fromEntries(
        Object.entries(map).map(([name, value]) => [name, serializableSchema(value)]),
      );
  }
  if (!('anyOf' in out)) return out;
  // A union that stays is Ajv's to check: left whole.
  return withoutUnion(out) ?? schema;
}

/** The union `schema.anyOf` written without it, when that serialises it alike. */
function withoutUnion(schema: Schema): Schema | undefined {
  const { anyOf, ...rest } = schema;
  // Keywords beside the union would apply to every branch.
  if (!Array.isArray(anyOf) || Object.keys(rest).some((key) => !annotations.has(key))) return undefined;
  // Each branch as it would be written: a union in it first (a choice of strings or null, say).
  const branches = anyOf.filter(isSchema).map((b) => serializableSchema(b) as Schema);
  if (branches.length !== anyOf.length || !branches.length) return undefined;
  // Strings only (a choice of constants or enums, no format): each is written as it is.
  if (branches.every((b) => b.type === 'string' && Object.keys(b).every((k) => stringChoice.has(k)))) {
    const values = branches.flatMap((b) => ('const' in b ? [b.const] : Array.isArray(b.enum) ? b.enum : []));
    const all = branches.every((b) => 'const' in b || Array.isArray(b.enum));
    return all ? { ...rest, type: 'string', enum: values } : { ...rest, type: 'string' };
  }
  // This or null: the branch as it is written, null written before it.
  const isNull = (b: Schema) =>
    b.type === 'null' && Object.keys(b).every((k) => k === 'type' || annotations.has(k));
  const others = branches.filter((b) => !isNull(b));
  const [other] = others;
  if (others.length !== 1 || branches.length !== 2 || typeof other!.type !== 'string') return undefined;
  if (Object.keys(other!).some((key) => !plainValue.has(key))) return undefined;
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
/** A string branch written as any string is (a format, such as a date's, is not). */
const stringChoice = new Set(['type', 'const', 'enum', 'pattern', 'minLength', 'maxLength', ...annotations]);
/** A branch that fast-json-stringify writes by its type alone (no union, condition or constant in it). */
const plainValue = new Set([
  ...annotations,
  ...['type', 'enum', 'format', 'pattern', 'minLength', 'maxLength'],
  ...['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  ...['properties', 'required', 'additionalProperties', 'patternProperties'],
  ...['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems'],
]);
