// Referring the person elsewhere after a referral that did not help ("not helped", "came back"):
// either side starts a new referral to a third organisation, linked to the first on both timelines.
//
// What is carried into the new form: the theme, urgency, commune and quartier (anonymous), and,
// while the person's details are still there, the languages and the need. Never the name, the
// contact details or the consent: the person agreed to have them passed to the first organisation
// only (the consent record names its purpose, and has no "may be passed on"). The person is asked
// again, and the new referral records its own consent, as every referral does.
import type { Executor } from '../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { randomUUID } from 'node:crypto';
import { auditReferral, eventActor, organisationOfSide, referralForActor } from '../referral-access.ts';
import { recordChange } from '../referral-change.ts';
import type { ReferralContext } from '../referral-context.ts';
import { openPerson } from '../referral-fields.ts';
import { findReferral, insertEvent, type ReferralRow } from '../referrals.repo.ts';
import { canReferElsewhere } from '../referrals.vocabulary.ts';

export interface FollowUpStart {
  referralId: string;
  themeCode: string;
  /** The first referral's organisations the reader acts for: the new one is sent from one of them. */
  fromOrganisationIds: string[];
  /** The first referral's two organisations: the new one goes to neither. */
  excludedOrganisationIds: string[];
  /** The new form's values: only what may be carried (see above). */
  values: Record<string, string | string[]>;
  /** False once the person's details were erased: then only the anonymous facts are carried. */
  carriedNeed: boolean;
}

/** What a new referral elsewhere starts from. Opening the need is a read: it goes to the audit log. */
export async function startReferralElsewhere(ctx: ReferralContext, id: string): Promise<FollowUpStart> {
  const { referral, sides } = await referralForActor(ctx.db, ctx.actor, id);
  if (!canReferElsewhere(referral)) throw new AppError('REFERRAL_NOT_FOR_FOLLOW_UP');
  const person = openPerson(ctx.keys, referral);
  await auditReferral(ctx.db, ctx, 'read', referral.id, { for: 'refer_elsewhere' });
  const values: Record<string, string | string[]> = {
    theme: referral.themeCode,
    urgency: referral.urgency,
    ...(referral.communeNis ? { commune: referral.communeNis } : {}),
    ...(referral.quartierCode !== null ? { quartier: String(referral.quartierCode) } : {}),
    ...(person ? { languages: person.languages, need: person.need } : {}),
  };
  return {
    referralId: referral.id,
    themeCode: referral.themeCode,
    fromOrganisationIds: [...new Set(sides.map((side) => organisationOfSide(referral, side)))],
    excludedOrganisationIds: [referral.fromOrganisationId, referral.toOrganisationId],
    values,
    carriedNeed: person !== null,
  };
}

/**
 * Inside the new referral's transaction, before it is written: the referral it follows, locked, if
 * the actor may follow it up from `from` to `to`. Refusals change nothing.
 */
export async function lockFollowedReferral(
  tx: Executor,
  ctx: ReferralContext,
  id: string,
  { from, to }: { from: string; to: string },
): Promise<ReferralRow> {
  const { referral, sides } = await referralForActor(tx, ctx.actor, id, { lock: true });
  if (!canReferElsewhere(referral)) throw new AppError('REFERRAL_NOT_FOR_FOLLOW_UP');
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string) => problems.push({ field, message: code, code });
  if (!sides.some((side) => organisationOfSide(referral, side) === from))
    problem('from_organisation', 'referral_elsewhere_from');
  if (to === referral.fromOrganisationId || to === referral.toOrganisationId)
    problem('service', 'referral_elsewhere_same');
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  return referral;
}

/** The new referral's timeline names the one it follows from the start, a draft's too. */
export async function recordFollows(
  tx: Executor,
  ctx: ReferralContext,
  created: { id: string; fromOrganisationId: string },
  followedId: string,
): Promise<void> {
  await insertEvent(tx, {
    id: randomUUID(),
    referralId: created.id,
    at: ctx.now,
    kind: 'follows',
    ...eventActor(ctx, created.fromOrganisationId),
    details: { linkedReferralId: followedId },
  });
}

/**
 * Once the new referral is sent (not while it is a draft, which may still be cancelled), the first
 * one's timeline says the person was referred elsewhere, and its other side sees it as new. Not when
 * the person withdrew consent on the first one meanwhile: its organisations hear nothing more of her.
 */
export async function announceFollowUp(
  tx: Executor,
  ctx: ReferralContext,
  followedId: string,
  created: { id: string; fromOrganisationId: string },
): Promise<void> {
  const followed = await findReferral(tx, followedId, { lock: true });
  if (!followed || followed.consentWithdrawnAt) return;
  await recordChange(tx, ctx, followedId, created.fromOrganisationId, {
    kind: 'referred_elsewhere',
    details: { linkedReferralId: created.id },
  });
  await auditReferral(tx, ctx, 'referred_elsewhere', followedId, { referral: created.id });
}
