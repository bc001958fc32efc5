// What may not be in any text of a request body: control characters (they reach e-mail subjects,
// page titles and exports, and can hide what a text says), and in single-line fields also line
// breaks and tabs. Fields whose schema is MultiLineText (src/shared/schema-text.ts) may hold line
// breaks. Checked before validation for every route with a body, so no form or API can forget it;
// registered after the multipart plugin, whose own preValidation hook fills in the fields of an
// upload form (app.ts).
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError, type FieldProblem } from '../shared/errors.ts';
import { multiLineKeyword, passwordKeyword } from '../shared/schema-text.ts';

interface Schema {
  [multiLineKeyword]?: boolean;
  [passwordKeyword]?: boolean;
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
}

// C0 controls but tab, line feed and carriage return; DEL; C1 controls.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const lineBreaksAndTabs = /[\t\n\r\u2028\u2029]/;

const isMultiLine = (schema: Schema | undefined): boolean =>
  Boolean(schema?.[multiLineKeyword] || schema?.anyOf?.some(isMultiLine));
const isPassword = (schema: Schema | undefined): boolean =>
  Boolean(schema?.[passwordKeyword] || schema?.anyOf?.some(isPassword));
/** Forms are flat; API bodies a few levels deep. Deeper is refused rather than walked. */
const maxDepth = 16;

function fieldSchema(schema: Schema | undefined, key: string): Schema | undefined {
  if (!schema) return undefined;
  for (const branch of schema.anyOf ?? []) {
    const found = fieldSchema(branch, key);
    if (found) return found;
  }
  return (
    schema.properties?.[key] ??
    Object.values(schema.patternProperties ?? {})[0] ??
    (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined)
  );
}

const itemSchema = (schema: Schema | undefined): Schema | undefined =>
  schema?.items ?? schema?.anyOf?.map((s) => s.items).find(Boolean);

/** The fields of a body that break the rules, by their dotted name. */
export function textProblems(
  value: unknown,
  schema: Schema | undefined,
  path = '',
  depth = 0,
): FieldProblem[] {
  if (depth > maxDepth) return [{ field: path || 'body', message: 'is nested too deeply', code: 'too_deep' }];
  if (isPassword(schema)) return [];
  if (typeof value === 'string') {
    if (controls.test(value))
      return [{ field: path || 'body', message: 'has control characters', code: 'control_characters' }];
    if (!isMultiLine(schema) && lineBreaksAndTabs.test(value))
      return [{ field: path || 'body', message: 'must be on one line', code: 'single_line' }];
    return [];
  }
  if (Array.isArray(value)) {
    const items = itemSchema(schema);
    for (const item of value) {
      const problems = textProblems(item, items ?? schema, path, depth + 1);
      if (problems.length) return problems;
    }
    return [];
  }
  // Uploaded files (Buffers) are checked by what handles them.
  if (value && typeof value === 'object' && !Buffer.isBuffer(value))
    return Object.entries(value).flatMap(([key, item]) =>
      textProblems(item, fieldSchema(schema, key), path ? `${path}.${key}` : key, depth + 1),
    );
  return [];
}

export function enforceTextRules(app: FastifyInstance): void {
  const bodies = new Map<string, Schema | undefined>();
  const key = (method: string, url: string) => `${method} ${url}`;
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat())
      bodies.set(key(method, route.url), route.schema?.body as Schema);
  });
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (request.body === undefined || request.body === null) return;
    const problems = textProblems(
      request.body,
      bodies.get(key(request.method, request.routeOptions.url ?? '')),
    );
    if (!problems.length) return;
    // A person sent a form (its page says so); a program sent JSON (it gets the usual code).
    throw new AppError(request.url.startsWith('/api/') ? 'VALIDATION_FAILED' : 'FORM_INVALID', {
      fields: problems,
    });
  });
}
