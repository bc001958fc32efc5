// Removing everything about the person from a referral: the encrypted fields and every message.
// What stays is anonymous: organisations, kinds, theme, commune, urgency, dates, status and outcome.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../../db/client.ts';
import { purgedPerson } from '../referral-fields.ts';
import { insertEvent, purgeEventBodies, updateReferral } from '../referrals.repo.ts';

export async function purgePerson(
  db: Executor,
  referralId: string,
  now: Date,
  why: 'consent_withdrawn' | 'retention' | 'consent_ended',
): Promise<void> {
  await updateReferral(db, referralId, { ...purgedPerson, purgedAt: now, updatedAt: now });
  await purgeEventBodies(db, referralId);
  await insertEvent(db, { id: randomUUID(), referralId, at: now, kind: 'purged', details: { reason: why } });
}
