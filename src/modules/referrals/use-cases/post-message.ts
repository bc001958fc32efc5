// A message on a referral's thread: a question before accepting, news about the person. Both sides
// read the same thread; the text is encrypted and purged with the person's details.
import { AppError } from '../../../shared/errors.ts';
import { containsNationalNumber } from '../../../shared/national-number.ts';
import { auditReferral, organisationOfSide, referralForActor } from '../referral-access.ts';
import { otherOrganisation, recordChange } from '../referral-change.ts';
import type { ReferralContext } from '../referral-context.ts';
import { mailOrganisation } from '../referral-mail.ts';

const messageLimit = 2_000;

export async function postMessage(ctx: ReferralContext, id: string, text: string): Promise<void> {
  const body = text.trim();
  const code = !body
    ? 'referral_message_missing'
    : body.length > messageLimit
      ? 'referral_message_long'
      : containsNationalNumber(body)
        ? 'national_number'
        : null;
  if (code) throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'message', message: code, code }] });
  await ctx.db.transaction(async (tx) => {
    const { referral, sides } = await referralForActor(tx, ctx.actor, id, { lock: true });
    // Once purged there is no one left to talk about.
    if (referral.purgedAt) throw new AppError('REFERRAL_CHANGED');
    const side = sides[0]!;
    // A question from the receiver is an answer: the reminder is for referrals nobody reacted to.
    const firstAnswer = side === 'receiver' && !referral.firstAnswerAt ? { firstAnswerAt: ctx.now } : {};
    await recordChange(
      tx,
      ctx,
      referral.id,
      organisationOfSide(referral, side),
      { kind: 'message', text: body },
      firstAnswer,
    );
    // A message on a draft stays within the sender.
    if (referral.sentAt !== null)
      await mailOrganisation(tx, ctx, referral, otherOrganisation(referral, side), 'referral_message');
    await auditReferral(tx, ctx, 'message', referral.id);
  });
  ctx.mailQueued();
}
