// "This listing is ours": a person asks to manage an organisation already in the directory. Its
// admins decide, or the moderators who do not belong to it when it has none; they are told by e-mail.
import { AppError } from '../../../shared/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { type MembershipContext, requireConfirmedAddress } from '../membership-context.ts';
import { mailPerson } from '../../notifications/index.ts';
import { claimDeciders, nameIn } from '../membership-mail.ts';
import { findPendingClaim, insertClaim } from '../membership.repo.ts';
import { findMembership } from '../../access/index.ts';

export async function claimOrganisation(
  ctx: MembershipContext,
  organisationId: string,
  input: { message: string },
): Promise<void> {
  requireConfirmedAddress(ctx.actor);
  const org = await getOrganisationBrief(ctx.db, organisationId);
  const message = input.message.trim();
  if (!message)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'message', message: 'is required', code: 'claim_message' }],
    });
  if (message.length > 1_000)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'message', message: 'is too long', code: 'too_long_1000' }],
    });
  await ctx.db.transaction(async (tx) => {
    if (await findMembership(tx, ctx.actor.userId, org.id)) throw new AppError('ALREADY_MEMBER');
    if (await findPendingClaim(tx, org.id, ctx.actor.userId)) return;
    const claim = await insertClaim(tx, { organisationId: org.id, userId: ctx.actor.userId, message });
    await recordAudit(tx, {
      event: 'claim.submitted',
      actorId: ctx.actor.userId,
      actorEmail: ctx.actor.email,
      subjectType: 'organisation',
      subjectId: org.id,
      ip: ctx.ip,
      details: { claimId: claim.id },
    });
    const { deciders, moderators } = await claimDeciders(tx, org.id);
    for (const decider of deciders.filter((d) => d.id !== ctx.actor.userId)) {
      await mailPerson(tx, ctx.origin, decider, {
        kind: 'membership.mail.claim_submitted',
        values: (locale) => ({ person: ctx.actor.email, organisation: nameIn(org.name, locale) }),
        path: moderators ? '/moderation/claims' : `/manage/organisations/${org.id}/members`,
      });
    }
  });
  ctx.mailQueued();
}
