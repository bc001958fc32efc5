// The daily retention job: a referral closed more than `retentionDays` ago, or whose consent ran
// out, loses everything about the person. Its anonymous facts stay for the statistics.
import { DateTime } from 'luxon';
import type { Database } from '../../../db/client.ts';
import { randomUUID } from 'node:crypto';
import { auditReferral } from '../referral-access.ts';
import { findReferral, findReferralsToPurge, insertEvent, updateReferral } from '../referrals.repo.ts';
import { isClosed } from '../referrals.vocabulary.ts';
import { purgePerson } from './purge-person.ts';

const day = 24 * 60 * 60 * 1000;
const purgeBatch = 1000;

export async function purgeClosedReferrals(
  db: Database,
  options: { now: Date; retentionDays: number },
): Promise<{ purged: number }> {
  const { now } = options;
  const closedBefore = new Date(now.getTime() - options.retentionDays * day);
  const today = DateTime.fromJSDate(now, { zone: 'Europe/Brussels' }).toISODate()!;
  let purged = 0;
  // In batches until none is left, so a backlog (after downtime) is cleared in one run.
  for (;;) {
    const batch = await findReferralsToPurge(db, closedBefore, today);
    for (const { id } of batch) {
      await db.transaction(async (tx) => {
        const referral = await findReferral(tx, id, { lock: true });
        if (!referral || referral.purgedAt) return;
        const retention = referral.closedAt !== null && referral.closedAt < closedBefore;
        // Without consent an open referral cannot go on: it is cancelled, on the timeline too.
        if (!isClosed(referral.status)) {
          await updateReferral(tx, id, { status: 'cancelled', closedAt: now });
          await insertEvent(tx, {
            id: randomUUID(),
            referralId: id,
            at: now,
            kind: 'cancel',
            details: { reason: 'consent_ended' },
          });
        }
        await purgePerson(tx, id, now, retention ? 'retention' : 'consent_ended');
        await auditReferral(tx, {}, 'purged', id, { reason: retention ? 'retention' : 'consent_ended' });
        purged++;
      });
    }
    if (batch.length < purgeBatch) break;
  }
  return { purged };
}
