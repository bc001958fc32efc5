// Response serializers: one per distinct response schema, its validators compiled before ready.
// A schema with anyOf (a nullable object, a union) is serialised with an Ajv validator per branch,
// which fast-json-stringify compiled on the first response that reached it: 100-280 ms of event
// loop on some route's first request after ready (issue 19's bench saw them in every phase).
// Compiled at once as the routes are made, they took about 0.8 s of CPU before the server listened
// (24 distinct schemas; GET and HEAD and each page language asked for 196). So each route gets a
// serializer that is made when first used, and `prepare` makes them all, one a turn, while the
// search index loads: by /readyz none is left for a request to make.
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';
import { nextTurn } from '../shared/turns.ts';
import { schemaKey } from './shared-schemas.ts';

type Serializer = (data: unknown) => string;
type RouteSerializer = Parameters<ReturnType<ReturnType<typeof SerializerSelector>>>[0];

export interface SharedSerializers {
  /** Fastify's `schemaController` option. */
  schemaController: NonNullable<FastifyServerOptions['schemaController']>;
  /** Makes every serializer not made yet, one a turn (shared/turns.ts). */
  prepare(): Promise<void>;
  /** Whether none is left to make. */
  readonly prepared: boolean;
}

export function sharedSerializers(
  build: (externalSchemas: unknown, route: RouteSerializer) => Serializer = (externalSchemas, route) =>
    SerializerSelector()(externalSchemas, { compileValidators: true })(route),
): SharedSerializers {
  const made = new Map<string, () => Serializer>();
  const pending: (() => Serializer)[] = [];
  const lazy = (make: () => Serializer) => {
    let serializer: Serializer | undefined;
    const get = () => (serializer ??= make());
    pending.push(get);
    return get;
  };
  return {
    schemaController: {
      compilersFactory: {
        buildSerializer: (externalSchemas) => (route) => {
          // A schema that holds more than plain data (a function) gets a serializer of its own.
          const key = schemaKey(route.schema);
          let get = key === null ? undefined : made.get(key);
          if (!get) {
            get = lazy(() => build(externalSchemas, route));
            if (key !== null) made.set(key, get);
          }
          const serializer = get;
          return (data: unknown) => serializer()(data);
        },
      },
    },
    async prepare() {
      while (pending.length) {
        await nextTurn();
        pending.shift()?.();
      }
    },
    get prepared() {
      return pending.length === 0;
    },
  };
}
