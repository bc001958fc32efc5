// One object for each distinct route schema. Ajv keeps the validators it compiled by schema object,
// and compiling one takes a millisecond or more; but the pages are registered once per language,
// and most plugins make their routes' schemas as they register them, so the same schema came as
// several objects (about 1,400 validators asked for, 241 objects, 140 distinct texts at the time
// of writing) and was compiled again for each. Each route's params, querystring, body and headers
// schema is replaced, as the route is added, by the first one seen with the same content.
import type { FastifyInstance, RouteOptions } from 'fastify';

const parts = ['params', 'querystring', 'body', 'headers'] as const;

/** Thrown while keying a schema that holds something JSON does not show (a function, a RegExp). */
const notPlain = new Error('not plain JSON');

/**
 * The schema's content as text, its hidden and symbol-keyed entries included (TypeBox keeps its own
 * marks there), or null when it holds anything else than plain data (a refinement's check, a
 * RegExp): such a schema keeps its own object.
 */
export function schemaKey(schema: unknown): string | null {
  try {
    return JSON.stringify(schema, (_key, value: unknown) => {
      if (typeof value === 'function' || typeof value === 'bigint' || typeof value === 'symbol')
        throw notPlain;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) throw notPlain;
      // TypeBox 1.x keeps its marks ('~kind', and '~refine' with the check's code) as properties
      // JSON does not show; older versions as symbols: both are part of the key.
      const hidden = Object.getOwnPropertyNames(value).filter(
        (name) => !Object.prototype.propertyIsEnumerable.call(value, name),
      );
      const symbols = Object.getOwnPropertySymbols(value);
      if (!hidden.length && !symbols.length) return value;
      const marked: Record<string, unknown> = { ...value };
      for (const name of hidden) marked[`@@${name}`] = (value as Record<string, unknown>)[name];
      for (const symbol of symbols)
        marked[`@@${String(symbol.description)}`] = (value as Record<symbol, unknown>)[symbol];
      return marked;
    });
  } catch (error) {
    if (error === notPlain) return null;
    throw error;
  }
}

/** Makes every route added after this call share its schemas' objects with the routes before it. */
export function shareRouteSchemas(app: FastifyInstance): void {
  const first = new Map<string, unknown>();
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as Record<string, unknown> | undefined;
    if (!schema) return;
    for (const part of parts) {
      const given = schema[part];
      if (!given || typeof given !== 'object') continue;
      const key = schemaKey(given);
      if (key === null) continue;
      const shared = first.get(key);
      if (shared === undefined) first.set(key, given);
      else if (shared !== given) schema[part] = shared;
    }
  });
}
