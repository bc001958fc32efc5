// What every spaces use case needs from the page, API request or job that starts it.
import type { Actor } from '../../shared/actor.ts';
import type { UseCaseContext } from '../../shared/use-case.ts';
import type { ApiTokenActor } from '../access/index.ts';

/** A signed-in person, or an integration acting for one organisation with its API token. */
export type SpaceActor = ({ kind: 'person' } & Actor) | ApiTokenActor;

export type SpaceContext = UseCaseContext<SpaceActor>;

/** A signed-in person's context as the spaces use cases take it. */
export const asPerson = (ctx: UseCaseContext<Actor>): SpaceContext => ({
  ...ctx,
  actor: { kind: 'person', ...ctx.actor },
});
