// One change of a referral by the person or token acting on it: every write use case records it the
// same way, so the timeline, the referral's time of change and "seen by its author" never drift.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import { eventActor, markSeenByActor, organisationOfSide } from './referral-access.ts';
import type { ReferralContext } from './referral-context.ts';
import { sealEventBody } from './referral-fields.ts';
import {
  insertEvent,
  type NewReferralEventRow,
  type NewReferralRow,
  type ReferralRow,
  updateReferral,
} from './referrals.repo.ts';
import type { Side } from './referrals.vocabulary.ts';

export interface ChangeEvent {
  kind: NewReferralEventRow['kind'];
  details?: NewReferralEventRow['details'];
  /** A note or message with the change: encrypted, bound to the event. */
  text?: string;
}

/**
 * The event on the timeline from the actor acting for `organisationId`, the referral's new state
 * (`patch`, and the time of change), and the referral marked seen by its author.
 */
export async function recordChange(
  tx: Executor,
  ctx: ReferralContext,
  referralId: string,
  organisationId: string,
  event: ChangeEvent,
  patch: Partial<NewReferralRow> = {},
): Promise<void> {
  const id = randomUUID();
  await insertEvent(tx, {
    id,
    referralId,
    at: ctx.now,
    kind: event.kind,
    ...eventActor(ctx, organisationId),
    ...(event.details ? { details: event.details } : {}),
    ...(event.text ? { body: sealEventBody(ctx.keys, id, event.text) } : {}),
  });
  await updateReferral(tx, referralId, { updatedAt: ctx.now, ...patch });
  await markSeenByActor(tx, ctx, referralId);
}

/** The organisation on the other side from `side`: the one to tell about a change. */
export const otherOrganisation = (referral: ReferralRow, side: Side) =>
  organisationOfSide(referral, side === 'sender' ? 'receiver' : 'sender');
