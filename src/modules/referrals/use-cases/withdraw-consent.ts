// The person withdraws consent, and either organisation records it: the person's details and the
// messages are purged at once, and an open referral is cancelled (there is no one to help any more
// without them). The timeline keeps that it happened, and when.
import { AppError } from '../../../shared/errors.ts';
import { auditReferral, organisationOfSide, referralForActor } from '../referral-access.ts';
import { otherOrganisation, recordChange } from '../referral-change.ts';
import type { ReferralContext } from '../referral-context.ts';
import { mailOrganisation } from '../referral-mail.ts';
import { isClosed } from '../referrals.vocabulary.ts';
import { purgePerson } from './purge-person.ts';

export async function withdrawConsent(ctx: ReferralContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { referral, sides } = await referralForActor(tx, ctx.actor, id, { lock: true });
    if (referral.consentWithdrawnAt) throw new AppError('REFERRAL_CHANGED');
    const side = sides[0]!;
    const open = !isClosed(referral.status);
    await recordChange(
      tx,
      ctx,
      referral.id,
      organisationOfSide(referral, side),
      { kind: 'consent_withdrawn' },
      { consentWithdrawnAt: ctx.now, ...(open ? { status: 'cancelled' as const, closedAt: ctx.now } : {}) },
    );
    await purgePerson(tx, referral.id, ctx.now, 'consent_withdrawn');
    if (referral.sentAt !== null)
      await mailOrganisation(
        tx,
        ctx,
        referral,
        otherOrganisation(referral, side),
        'referral_consent_withdrawn',
      );
    await auditReferral(tx, ctx, 'consent_withdrawn', referral.id, { cancelled: open });
  });
  ctx.mailQueued();
}
