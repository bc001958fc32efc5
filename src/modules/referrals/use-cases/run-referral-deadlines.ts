// The hourly job on unanswered referrals. After 3 working days without an answer, the receiving
// organisation is reminded and the sender told; after `expiryDays` the referral expires and the
// sender is told, so the person is not left waiting on a referral nobody reads.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/client.ts';
import type { ReferralContext } from '../referral-context.ts';
import { auditReferral } from '../referral-access.ts';
import { mailOrganisation } from '../referral-mail.ts';
import {
  findReferral,
  findUnansweredToExpire,
  findUnansweredToRemind,
  insertEvent,
  updateReferral,
} from '../referrals.repo.ts';
import { addWorkingDays } from '../working-days.ts';

const day = 24 * 60 * 60 * 1000;

export async function runReferralDeadlines(
  db: Database,
  options: { now: Date; origin: string; settings: ReferralContext['settings'] },
): Promise<{ reminded: number; expired: number }> {
  const { now, settings } = options;
  const ctx = { db, origin: options.origin };
  let reminded = 0;
  let expired = 0;

  for (const candidate of await findUnansweredToExpire(
    db,
    new Date(now.getTime() - settings.expiryDays * day),
  )) {
    const done = await db.transaction(async (tx) => {
      const referral = await findReferral(tx, candidate.id, { lock: true });
      if (referral?.status !== 'sent') return false;
      await updateReferral(tx, referral.id, { status: 'expired', closedAt: now, updatedAt: now });
      await insertEvent(tx, { id: randomUUID(), referralId: referral.id, at: now, kind: 'expired' });
      await mailOrganisation(tx, ctx, referral, referral.fromOrganisationId, 'referral_expired');
      await auditReferral(tx, {}, 'expired', referral.id);
      return true;
    });
    if (done) expired++;
  }

  // Three working days are at least three calendar days: the query narrows, the calendar decides.
  const candidates = await findUnansweredToRemind(
    db,
    new Date(now.getTime() - settings.reminderWorkingDays * day),
  );
  for (const candidate of candidates) {
    if (addWorkingDays(candidate.sentAt!, settings.reminderWorkingDays) > now) continue;
    const done = await db.transaction(async (tx) => {
      const referral = await findReferral(tx, candidate.id, { lock: true });
      if (referral?.status !== 'sent' || referral.remindedAt) return false;
      await updateReferral(tx, referral.id, { remindedAt: now, updatedAt: now });
      await insertEvent(tx, { id: randomUUID(), referralId: referral.id, at: now, kind: 'reminded' });
      await mailOrganisation(tx, ctx, referral, referral.toOrganisationId, 'referral_reminder');
      await mailOrganisation(tx, ctx, referral, referral.fromOrganisationId, 'referral_waiting');
      await auditReferral(tx, {}, 'reminded', referral.id);
      return true;
    });
    if (done) reminded++;
  }
  return { reminded, expired };
}
