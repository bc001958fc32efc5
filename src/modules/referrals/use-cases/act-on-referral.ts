// Moving a referral along: send a draft, accept, decline with a reason, start, complete with an
// outcome, cancel. The rules are the table in referrals.vocabulary.ts. The referral is locked while
// it changes, so when two people answer at the same moment the first wins and the second is told
// it changed (REFERRAL_CHANGED) and sees what holds now.
import { translator, type MessageKey } from '../../../i18n/index.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { containsNationalNumber } from '../../../shared/national-number.ts';
import { auditReferral, organisationOfSide, referralForActor } from '../referral-access.ts';
import { recordChange } from '../referral-change.ts';
import type { ReferralContext } from '../referral-context.ts';
import { type ReferralMailKind, mailOrganisation } from '../referral-mail.ts';
import { announceFollowUp } from './refer-elsewhere.ts';
import type { NewReferralRow } from '../referrals.repo.ts';
import {
  declineReasons,
  isClosed,
  outcomes,
  type ReferralAction,
  referralActions,
  type Side,
  transitions,
} from '../referrals.vocabulary.ts';

export interface ActionInput {
  reason?: string;
  outcome?: string;
  /** A short note with the change, shown on the timeline (encrypted). */
  note?: string;
}

export const isReferralAction = (value: string): value is ReferralAction =>
  referralActions.includes(value as ReferralAction);

const noteLimit = 1_000;

function checkInput(action: ReferralAction, input: ActionInput) {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string) => problems.push({ field, message: code, code });
  const reason = declineReasons.find((r) => r === input.reason);
  const outcome = outcomes.find((o) => o === input.outcome);
  const note = input.note?.trim() ?? '';
  if (action === 'decline' && !reason) problem('reason', 'referral_reason');
  if (action === 'complete' && !outcome) problem('outcome', 'referral_outcome');
  if (note.length > noteLimit) problem('note', 'referral_note_long');
  else if (containsNationalNumber(note)) problem('note', 'national_number');
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  return { reason, outcome, note };
}

/** Who hears about each change: the other side, in their language. */
const mailFor: Partial<Record<ReferralAction, { to: Side; kind: ReferralMailKind }>> = {
  send: { to: 'receiver', kind: 'referral_received' },
  accept: { to: 'sender', kind: 'referral_answered' },
  decline: { to: 'sender', kind: 'referral_answered' },
  cancel: { to: 'receiver', kind: 'referral_cancelled' },
};

export async function actOnReferral(
  ctx: ReferralContext,
  id: string,
  action: ReferralAction,
  input: ActionInput = {},
): Promise<void> {
  const { reason, outcome, note } = checkInput(action, input);
  const rule = transitions[action];
  await ctx.db.transaction(async (tx) => {
    const { referral, sides } = await referralForActor(tx, ctx.actor, id, { lock: true });
    const side = (rule.by as readonly Side[]).find((s) => sides.includes(s));
    if (!side) throw new AppError('FORBIDDEN');
    if (!(rule.from as readonly string[]).includes(referral.status))
      throw new AppError(
        action === 'decline' && referral.status === 'in_progress' ? 'REFERRAL_STARTED' : 'REFERRAL_CHANGED',
      );

    const to = rule.to;
    const patch: Partial<NewReferralRow> = { status: to };
    if (action === 'send') patch.sentAt = ctx.now;
    if (side === 'receiver' && !referral.firstAnswerAt) patch.firstAnswerAt = ctx.now;
    if (isClosed(to)) patch.closedAt = ctx.now;
    if (action === 'decline') patch.declineReason = reason;
    if (action === 'complete') patch.outcome = outcome;
    const details = { ...(reason ? { reason } : {}), ...(outcome ? { outcome } : {}) };
    await recordChange(
      tx,
      ctx,
      referral.id,
      organisationOfSide(referral, side),
      { kind: action, details, text: note },
      patch,
    );

    const mail =
      action === 'complete'
        ? { to: side === 'sender' ? 'receiver' : 'sender', kind: 'referral_completed' }
        : mailFor[action];
    // A draft cancelled before sending was never the receiver's business.
    if (mail && !(mail.to === 'receiver' && action === 'cancel' && referral.sentAt === null)) {
      const status = (locale: Parameters<typeof translator>[0]) => ({
        status: translator(locale).t(`referrals.referral.status.${to}` as MessageKey),
      });
      await mailOrganisation(
        tx,
        ctx,
        referral,
        organisationOfSide(referral, mail.to as Side),
        mail.kind as ReferralMailKind,
        status,
      );
    }
    if (action === 'send' && referral.followsReferralId)
      await announceFollowUp(tx, ctx, referral.followsReferralId, {
        id: referral.id,
        fromOrganisationId: referral.fromOrganisationId,
      });
    await auditReferral(tx, ctx, action, referral.id, { from: referral.status, to, ...details });
  });
  ctx.mailQueued();
}
