// Registering a new organisation (formal with its KBO/BCE number, or an informal group without):
// the listing is created unverified and the person who registers it becomes its admin.
import { recordAudit } from '../../audit/index.ts';
import { createOrganisation, type NewOrganisation } from '../../directory/index.ts';
import { brusselsDate, type MembershipContext, requireConfirmedAddress } from '../membership-context.ts';
import { upsertMembership } from '../../access/index.ts';

export async function registerOrganisation(ctx: MembershipContext, input: NewOrganisation): Promise<string> {
  requireConfirmedAddress(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const id = await createOrganisation(tx, input, brusselsDate(ctx.now));
    await upsertMembership(tx, { userId: ctx.actor.userId, organisationId: id, roles: ['admin'] });
    await recordAudit(tx, {
      event: 'organisation.registered',
      actorId: ctx.actor.userId,
      actorEmail: ctx.actor.email,
      subjectType: 'organisation',
      subjectId: id,
      ip: ctx.ip,
    });
    return id;
  });
}
