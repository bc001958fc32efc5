// What every referral use case needs from the request or job that triggers it.
import type { Config } from '../../config.ts';
import type { UseCaseContext } from '../../shared/use-case.ts';
import type { KeyRing } from '../../shared/field-encryption.ts';

/** A signed-in person, or an integration acting for one organisation with its API token. */
export type ReferralActor =
  | { kind: 'person'; userId: string; email: string; emailVerified: boolean }
  | { kind: 'token'; tokenId: string; organisationId: string };

/** The use-case context every module has (shared/use-case.ts), with the keys and the deadlines. */
export interface ReferralContext extends UseCaseContext<ReferralActor> {
  keys: KeyRing;
  settings: Config['referrals'];
}
