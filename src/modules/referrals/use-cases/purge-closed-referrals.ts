// The daily retention job: a referral closed more than `retentionDays` ago, or whose consent ran
// out, loses everything about the person. Its anonymous facts stay for the statistics.
import { DateTime } from 'luxon';
import type { Database } from '../../../db/client.ts';
import { findReferral, findReferralsToPurge, updateReferral } from '../referrals.repo.ts';
import { isClosed } from '../referrals.vocabulary.ts';
import { purgePerson } from './purge-person.ts';

const day = 24 * 60 * 60 * 1000;

export async function purgeClosedReferrals(
  db: Database,
  options: { now: Date; retentionDays: number },
): Promise<{ purged: number }> {
  const { now } = options;
  const closedBefore = new Date(now.getTime() - options.retentionDays * day);
  const today = DateTime.fromJSDate(now, { zone: 'Europe/Brussels' }).toISODate()!;
  let purged = 0;
  for (const { id } of await findReferralsToPurge(db, closedBefore, today)) {
    await db.transaction(async (tx) => {
      const referral = await findReferral(tx, id, { lock: true });
      if (!referral || referral.purgedAt) return;
      const retention = referral.closedAt !== null && referral.closedAt < closedBefore;
      await purgePerson(tx, id, now, retention ? 'retention' : 'consent_ended');
      // Without consent an open referral cannot go on.
      if (!isClosed(referral.status)) await updateReferral(tx, id, { status: 'cancelled', closedAt: now });
      purged++;
    });
  }
  return { purged };
}
