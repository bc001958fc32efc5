// What every referral use case needs from the request or job that triggers it.
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { KeyRing } from '../../shared/field-encryption.ts';

/** A signed-in person, or an integration acting for one organisation with its API token. */
export type ReferralActor =
  | { kind: 'person'; userId: string; email: string; emailVerified: boolean }
  | { kind: 'token'; tokenId: string; organisationId: string };

export interface ReferralContext {
  db: Database;
  actor: ReferralActor;
  keys: KeyRing;
  /** Scheme and host for links in e-mails. */
  origin: string;
  ip: string | null;
  now: Date;
  settings: Config['referrals'];
  mailQueued(): void;
}
