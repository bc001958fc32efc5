// Response serializers: one per distinct response schema, its validators compiled before ready.
// A schema with anyOf (a nullable object, a union) is serialised with an Ajv validator per branch,
// which fast-json-stringify compiled on the first response that reached it: 100-280 ms of event
// loop on some route's first request after ready (issue 19's bench saw them in every phase).
// Compiled at once as the routes are made, they took about 0.8 s of CPU before the server listened
// (24 distinct schemas; GET and HEAD and each page language asked for 196). So each route gets a
// serializer that is made when first used, and `prepare` makes them all, one a turn, while the
// search index loads: by /readyz none is left for a request to make.
// A schema that cannot be compiled no longer fails the start (Fastify's FST_ERR_SCH_SERIALIZATION_BUILD
// at `ready`); `prepare` still finds it before the process is ready, logs it naming the route, and
// keeps the process out of service for good (/readyz: reason 'serializers'), as a failed start did.
// Each is compiled from the response schema with its unions written without Ajv (serializable-
// schema.ts): all 24 then compile in about 10 ms, where they took 580 ms of the index's load.
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { errorCodes } from 'fastify';
import { type CompilersFactory, MadeOnDemand } from './made-on-demand.ts';
import { serializableSchema } from './serializable-schema.ts';
import { schemaKey } from './shared-schemas.ts';

type Serializer = (data: unknown) => string;
type RouteSerializer = Parameters<ReturnType<ReturnType<typeof SerializerSelector>>>[0];
/** Fastify's `schemaController.compilersFactory.buildSerializer`, and the making of what it gives (made-on-demand.ts). */
export type SharedSerializers = MadeOnDemand & {
  buildSerializer: NonNullable<CompilersFactory['buildSerializer']>;
};

export function sharedSerializers(
  build: (externalSchemas: unknown, route: RouteSerializer, serializerOpts: unknown) => Serializer = (
    externalSchemas,
    route,
    serializerOpts,
  ) =>
    SerializerSelector()(externalSchemas, { ...(serializerOpts as object), compileValidators: true })({
      ...route,
      // Its unions written as fast-json-stringify writes them without Ajv (serializable-schema.ts).
      schema: serializableSchema(route.schema),
    }),
): SharedSerializers {
  const made = new Map<string, () => Serializer>();
  const onDemand = new MadeOnDemand();
  const buildSerializer: SharedSerializers['buildSerializer'] =
    (externalSchemas, serializerOpts) => (route) => {
      // A schema that holds more than plain data (a function) gets a serializer of its own.
      const key = schemaKey(route.schema);
      let get = key === null ? undefined : made.get(key);
      if (!get) {
        get = onDemand.lazy(
          () => build(externalSchemas, route, serializerOpts),
          (cause) => new errorCodes.FST_ERR_SCH_SERIALIZATION_BUILD(route.method, route.url, cause.message),
        );
        if (key !== null) made.set(key, get);
      }
      const serializer = get;
      return (data: unknown) => serializer()(data);
    };
  return Object.assign(onDemand, { buildSerializer });
}
