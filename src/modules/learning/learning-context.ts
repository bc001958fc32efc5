// What every learning use case needs from the page that starts it.
import type { Actor } from '../../shared/actor.ts';
import type { UseCaseContext } from '../../shared/use-case.ts';

/** A signed-in person: a composer or a moderator. */
export type LearningContext = UseCaseContext<Actor>;

/** A learner: signed in, or a visitor (null). */
export type LearnerContext = UseCaseContext<Actor | null>;
