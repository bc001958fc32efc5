// Query strings arrive as text and the schema validator turns them into numbers. It is lenient:
// "Infinity", "0x10" and " 2" pass as numbers, and "Infinity" reached PostgreSQL as a page number
// (a 500). So, for every route:
// - at start-up, each numeric query or path parameter must declare a minimum and a maximum (a route
//   without them stops the app with a line saying which);
// - before validation, a numeric parameter must be written as a finite number, or the request is
//   refused with a translated 400 naming the parameter; the schema then checks its range. Empty
//   values ("?theme=&page=2" from a plain form) mean "not set".
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError, type FieldProblem } from '../shared/errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with numeric query parameters, for the test that tries bad numbers on each. */
    numericRoutes: NumericRoute[];
  }
}

interface JsonSchema {
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

export interface NumericParameter {
  name: string;
  integer: boolean;
  /** The allowed range, when it is one (not a list of values). */
  minimum?: number;
  maximum?: number;
}

export interface NumericRoute {
  method: string;
  url: string;
  query: NumericParameter[];
}

// A number as people and programs write it: digits, a decimal point, an exponent ("2e1" is 20).
// Not "Infinity", "NaN", "0x10" or " 2", which the validator would otherwise take.
// Each digit can belong to one place only, so a long non-number fails in linear time; and no number
// a route takes needs more than 32 characters.
const numberText = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const isNumberText = (text: string) => text.length <= 32 && numberText.test(text);

function numericKind(schema: JsonSchema): 'integer' | 'number' | undefined {
  const types = [schema.type, ...(schema.anyOf ?? []).map((s) => s.type), schema.items?.type]
    .flat()
    .filter(Boolean);
  if (types.includes('number')) return 'number';
  if (types.includes('integer')) return 'integer';
  return undefined;
}

function isBounded(schema: JsonSchema): boolean {
  const parts = [schema, ...(schema.anyOf ?? []), ...(schema.items ? [schema.items] : [])].filter((s) =>
    numericKind(s),
  );
  return parts.every(
    (s) =>
      s.enum !== undefined ||
      ((s.minimum !== undefined || s.exclusiveMinimum !== undefined) &&
        (s.maximum !== undefined || s.exclusiveMaximum !== undefined)),
  );
}

/** The numeric parameters of an object schema; throws when one has no bounds. */
function numericParameters(schema: unknown, where: string): NumericParameter[] {
  const properties = (schema as JsonSchema | undefined)?.properties ?? {};
  return Object.entries(properties).flatMap(([name, property]) => {
    const kind = numericKind(property);
    if (!kind) return [];
    if (!isBounded(property))
      throw new Error(`${where}: the numeric parameter "${name}" needs a minimum and a maximum`);
    const range = [property, ...(property.anyOf ?? []), property.items].find((p) => p && numericKind(p));
    return [
      {
        name,
        integer: kind === 'integer',
        minimum: range?.minimum ?? range?.exclusiveMinimum,
        maximum: range?.maximum ?? range?.exclusiveMaximum,
      },
    ];
  });
}

/** Checks every route's numbers as it is added, and each request's before validation. */
export function enforceQueryRules(app: FastifyInstance): void {
  const routes: NumericRoute[] = [];
  app.decorate('numericRoutes', routes);
  const byRoute = new Map<string, NumericParameter[]>();
  const key = (method: string, url: string) => `${method} ${url}`;
  app.addHook('onRoute', (route: RouteOptions) => {
    const where = `${[route.method].flat().join(',')} ${route.url}`;
    numericParameters(route.schema?.params, where);
    const query = numericParameters(route.schema?.querystring, where);
    if (!query.length) return;
    for (const method of [route.method].flat()) {
      byRoute.set(key(method, route.url), query);
      if (method !== 'HEAD') routes.push({ method, url: route.url, query });
    }
  });
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const numeric = byRoute.get(key(request.method, request.routeOptions.url ?? '')) ?? [];
    checkQuery(request.query, numeric);
  });
}

function checkQuery(query: unknown, numeric: NumericParameter[]): void {
  if (!query || typeof query !== 'object') return;
  const values = query as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) if (value === '') delete values[name];
  const problems: FieldProblem[] = [];
  for (const { name, integer } of numeric) {
    const given = values[name];
    if (given === undefined) continue;
    const texts = (Array.isArray(given) ? given : [given]).map(String);
    if (!texts.every(isNumberText))
      problems.push({ field: name, message: integer ? 'must be a whole number' : 'must be a number' });
    else if (!texts.every((text) => Number.isFinite(Number(text))))
      problems.push({ field: name, message: 'is too large' });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
}
