// Who sees a referral: the people who handle referrals for the sending organisation, and for the
// receiving one once it was sent. Everyone else, moderators and platform admins included, gets
// "not found": a referral's existence is itself about a person.
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { isUuid } from '../../shared/shapes.ts';
import { recordAudit } from '../audit/index.ts';
import type { ReferralActor, ReferralContext } from './referral-context.ts';
import { findReferral, markSeen, type ReferralRow } from './referrals.repo.ts';
import type { Side } from './referrals.vocabulary.ts';
import { canHandleReferrals, findMembershipsOfUser } from '../access/index.ts';

/** The organisations on whose behalf the actor sends and handles referrals. */
export async function handlingOrganisations(db: Executor, actor: ReferralActor): Promise<string[]> {
  if (actor.kind === 'token') return [actor.organisationId];
  return (await findMembershipsOfUser(db, actor.userId))
    .filter(canHandleReferrals)
    .map((m) => m.organisationId);
}

/** A draft stays with its sender, also once cancelled: the receiver sees only what was sent. */
export function sidesOf(
  referral: Pick<ReferralRow, 'fromOrganisationId' | 'toOrganisationId' | 'sentAt'>,
  organisationIds: string[],
): Side[] {
  const sides: Side[] = [];
  if (organisationIds.includes(referral.fromOrganisationId)) sides.push('sender');
  if (organisationIds.includes(referral.toOrganisationId) && referral.sentAt !== null) sides.push('receiver');
  return sides;
}

export interface ReferralInHand {
  referral: ReferralRow;
  sides: Side[];
}

/** The referral if the actor may see it, else "not found"; `lock` for changes. */
export async function referralForActor(
  db: Executor,
  actor: ReferralActor,
  id: string,
  { lock = false } = {},
): Promise<ReferralInHand> {
  if (!isUuid(id)) throw new AppError('REFERRAL_NOT_FOUND');
  // One after the other: inside a transaction both go through the same connection.
  const referral = await findReferral(db, id.toLowerCase(), { lock });
  const organisationIds = await handlingOrganisations(db, actor);
  const sides = referral ? sidesOf(referral, organisationIds) : [];
  if (!referral || !sides.length) throw new AppError('REFERRAL_NOT_FOUND');
  return { referral, sides };
}

/** The organisation the actor acts for on this side of the referral. */
export const organisationOfSide = (referral: ReferralRow, side: Side) =>
  side === 'sender' ? referral.fromOrganisationId : referral.toOrganisationId;

/** Who an event on the timeline is from: the person or the API token, acting for this side. */
export function eventActor(ctx: Pick<ReferralContext, 'actor'>, organisationId: string) {
  const { actor } = ctx;
  return {
    actorId: actor.kind === 'person' ? actor.userId : null,
    actorOrganisationId: organisationId,
    apiTokenId: actor.kind === 'token' ? actor.tokenId : null,
  };
}

/**
 * Every read and change of a referral goes to the audit log, with who and from where. Without an
 * actor it is the platform's own jobs (reminders, expiry, retention).
 */
export async function auditReferral(
  db: Executor,
  ctx: { actor?: ReferralActor; ip?: string | null },
  event: string,
  referralId: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  const { actor } = ctx;
  await recordAudit(db, {
    event: `referral.${event}`,
    actorId: actor?.kind === 'person' ? actor.userId : null,
    actorEmail: actor?.kind === 'person' ? actor.email : null,
    subjectType: 'referral',
    subjectId: referralId,
    ip: ctx.ip ?? null,
    details: !actor
      ? { ...details, by: 'platform' }
      : actor.kind === 'token'
        ? { ...details, apiToken: actor.tokenId }
        : details,
  });
}

/**
 * What a person changes is not new to her: a write marks the referral seen by its author at the
 * moment of the change, so her list, her menu's count and the timeline do not show her own action
 * as new. Colleagues and the other side still see it as new.
 */
export async function markSeenByActor(
  db: Executor,
  ctx: Pick<ReferralContext, 'actor' | 'now'>,
  referralId: string,
): Promise<void> {
  if (ctx.actor.kind === 'person') await markSeen(db, referralId, ctx.actor.userId, ctx.now);
}
