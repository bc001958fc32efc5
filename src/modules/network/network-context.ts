// What every network use case needs from the page, API request or job that starts it.
import type { Actor } from '../../shared/actor.ts';
import type { KeyRing } from '../../shared/field-encryption.ts';
import type { UseCaseContext } from '../../shared/use-case.ts';

/** A signed-in person. */
export type NetworkContext = UseCaseContext<Actor>;

/** Registering for an event needs no account: the actor is then absent. */
export type VisitorContext = UseCaseContext<Actor | null>;

/** For use cases whose e-mails carry a person's own link, signed with the key ring. */
export type WithKeys<C> = C & { keys: KeyRing };
