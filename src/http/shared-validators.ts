// Request validators (params, querystring, body; headers are refused, below) made when a request
// first needs one, or by `prepare` once the process is ready. Fastify compiles them all as the
// server gets ready: about 140 distinct schemas, 0.4-0.5 s of CPU before the server listened after
// a restart (issue 19 asks for the search ready within 5 s of a start; session 27's profile of a
// start). Compiled on demand, a route's first request pays its own schema's compilation (a few
// milliseconds), and `prepare` makes the rest in idle turns after ready, so none is left for a
// visitor's request for long.
// Fastify reads `errors` from the function it was given and passes the request as the parent of
// the value when the function has `schemaEnv` (Ajv's mark): the stand-in forwards both, so Ajv's
// coercion and removal of unknown properties work as when Fastify held Ajv's function itself.
// A headers schema is refused: with a compiler of its own, Fastify no longer lower-cases a headers
// schema's names as it does for its own (Node gives header names in lower case), so a required
// "Authorization" would silently pass without one. No route has one; a handler reads its headers.
import ValidatorSelector from '@fastify/ajv-compiler';
import { errorCodes } from 'fastify';
import { type CompilersFactory, MadeOnDemand } from './made-on-demand.ts';

type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };
interface RouteValidator {
  method: string;
  url: string;
  httpPart: string;
  schema?: unknown;
}
/** Fastify's `schemaController.compilersFactory.buildValidator`, and the making of what it gives (made-on-demand.ts). */
export type SharedValidators = MadeOnDemand & {
  buildValidator: NonNullable<CompilersFactory['buildValidator']>;
};

export function sharedValidators(): SharedValidators {
  const onDemand = new MadeOnDemand();
  // Fastify's own: one Ajv per set of options and shared schemas, which keeps what it compiled by
  // schema object (http/shared-schemas.ts gives equal schemas one object).
  const selector = ValidatorSelector();
  const buildValidator = (externalSchemas: unknown, options: unknown) => {
    const compile = (selector as (s: unknown, o: unknown) => (route: RouteValidator) => Validate)(
      externalSchemas,
      options,
    );
    // Per set of shared schemas: what a schema's validator refers to may differ between them.
    const made = new WeakMap<object, () => Validate>();
    return (route: RouteValidator): Validate => {
      if (route.httpPart === 'headers')
        throw new Error(
          'a headers schema is not supported here (http/shared-validators.ts): check the headers in the handler',
        );
      // A route's GET and HEAD, and the pages in each language, have one schema object: one validator.
      const known = typeof route.schema === 'object' && route.schema ? made.get(route.schema) : undefined;
      const get =
        known ??
        onDemand.lazy(
          () => compile(route),
          (cause) =>
            new errorCodes.FST_ERR_SCH_VALIDATION_BUILD(
              route.method,
              route.url,
              `${route.httpPart}: ${cause.message}`,
            ),
        );
      if (!known && typeof route.schema === 'object' && route.schema) made.set(route.schema, get);
      const validate: Validate = (data, context) => {
        const compiled = get();
        const result = compiled(data, context);
        validate.errors = compiled.errors;
        return result;
      };
      // Every validator Ajv compiles has it: Fastify then passes the request as the value's parent.
      validate.schemaEnv = true;
      return validate;
    };
  };
  return Object.assign(onDemand, {
    buildValidator: buildValidator as unknown as SharedValidators['buildValidator'],
  });
}
