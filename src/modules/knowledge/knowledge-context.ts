// What every knowledge use case needs from the page or request that starts it.
import type { Actor } from '../../shared/actor.ts';
import type { UseCaseContext } from '../../shared/use-case.ts';

/** A signed-in person. */
export type KnowledgeContext = UseCaseContext<Actor>;
