// What every exchange use case needs from the page or job that starts it.
import type { Actor } from '../../shared/actor.ts';
import type { UseCaseContext } from '../../shared/use-case.ts';

/** A signed-in person. */
export type ExchangeContext = UseCaseContext<Actor>;
