// Compiled functions a route needs (its response serializer, its request validators), made the
// first time a request needs one or by `prepare`, whichever comes first; Fastify would otherwise
// make them all before the server listens (shared-serializers.ts and shared-validators.ts say how
// long that took). A function that cannot be made is remembered as failed: a request does not
// compile it again only to throw again, and the process knows it cannot serve all its routes.
import type { FastifyServerOptions } from 'fastify';
import { nextTurn } from '../shared/turns.ts';

/** Fastify's `schemaController.compilersFactory`: where shared-serializers.ts and shared-validators.ts plug in. */
export type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;

export class MadeOnDemand {
  private readonly pending: (() => unknown)[] = [];
  private failure = false;

  /**
   * A getter for what `make` makes, made once; `describe` turns what `make` threw into the error
   * every later call throws (Fastify's own error code for the route).
   */
  lazy<T>(make: () => T, describe: (cause: Error) => Error): () => T {
    let made: T | undefined;
    let error: Error | undefined;
    const get = (): T => {
      if (error) throw error;
      if (made !== undefined) return made;
      try {
        return (made = make());
      } catch (cause) {
        this.failure = true;
        throw (error = describe(cause as Error));
      }
    };
    this.pending.push(get);
    return get;
  }

  /**
   * Makes every one not made yet, one a turn (shared/turns.ts); `failed` for those that throw. Stops
   * early once `stopped` says so (the app is closing).
   */
  async prepare(failed: (error: Error) => void, stopped: () => boolean = () => false): Promise<void> {
    while (this.pending.length && !stopped()) {
      await nextTurn();
      // One that cannot be made does not leave the others to the first requests.
      try {
        this.pending.shift()?.();
      } catch (error) {
        failed(error as Error);
      }
    }
  }

  /** Whether none is left to make. */
  get prepared(): boolean {
    return this.pending.length === 0;
  }

  /** Whether one could not be made: the process cannot serve all its routes. */
  get failed(): boolean {
    return this.failure;
  }
}
