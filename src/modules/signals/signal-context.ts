// What every signal use case needs from the page, API request or job that starts it.
import type { KeyRing } from '../../shared/field-encryption.ts';
import type { RateLimiter } from '../../shared/rate-limiter.ts';
import type { UseCaseContext } from '../../shared/use-case.ts';

/** A member of an organisation, a visitor without an account, or an integration with its token. */
export type SignalActor =
  | { kind: 'person'; userId: string; email: string; emailVerified: boolean }
  | { kind: 'visitor' }
  | { kind: 'token'; tokenId: string; organisationId: string };

export interface SignalContext extends UseCaseContext<SignalActor> {
  keys: KeyRing;
  /** Visitors' signals per IP address, so the form cannot flood the moderators' queue. */
  visitorLimit?: RateLimiter;
}
