// Changing a member's roles, removing a member, leaving. The organisation's memberships are locked
// for the check, so two admins removing each other at the same moment cannot leave it without one.
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import type { MembershipContext } from '../membership-context.ts';
import { checkRoles } from '../invitations/invite-member.ts';
import { isUuid } from '../../../shared/shapes.ts';
import {
  canManageMembers,
  deleteMembership,
  findMembersOf,
  type MembershipRow,
  setMembershipRoles,
  type OrganisationRole,
} from '../../access/index.ts';

async function lockedMembers(tx: Executor, ctx: MembershipContext, organisationId: string, userId: string) {
  if (!isUuid(organisationId) || !isUuid(userId)) throw new AppError('NOT_FOUND');
  const members = await findMembersOf(tx, organisationId, { lock: true });
  const own = members.find((m) => m.userId === ctx.actor.userId);
  const target = members.find((m) => m.userId === userId);
  return { members, own, target };
}

function keepsAnAdmin(members: MembershipRow[], userId: string, roles: OrganisationRole[] | null): boolean {
  return members.some((m) => (m.userId === userId ? roles?.includes('admin') : m.roles.includes('admin')));
}

export async function changeMemberRoles(
  ctx: MembershipContext,
  organisationId: string,
  userId: string,
  requested: string[],
): Promise<void> {
  const roles = checkRoles(requested);
  if (!roles)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'roles', message: 'choose at least one role', code: 'roles_required' }],
    });
  await ctx.db.transaction(async (tx) => {
    const { members, own, target } = await lockedMembers(tx, ctx, organisationId, userId);
    if (!canManageMembers(own)) throw new AppError('FORBIDDEN');
    if (!target) throw new AppError('NOT_FOUND');
    if (!keepsAnAdmin(members, userId, roles)) throw new AppError('LAST_ADMIN');
    await setMembershipRoles(tx, userId, organisationId, roles);
    await recordAudit(tx, {
      event: 'membership.role_changed',
      actorId: ctx.actor.userId,
      actorEmail: ctx.actor.email,
      subjectType: 'organisation',
      subjectId: organisationId,
      ip: ctx.ip,
      details: { member: userId, before: target.roles, after: roles },
    });
  });
}

/** An admin removes a member, or a member (admin or not) leaves: `userId` is then their own. */
export async function removeMember(
  ctx: MembershipContext,
  organisationId: string,
  userId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { members, own, target } = await lockedMembers(tx, ctx, organisationId, userId);
    const leaving = userId === ctx.actor.userId;
    if (!leaving && !canManageMembers(own)) throw new AppError('FORBIDDEN');
    if (!target) throw new AppError('NOT_FOUND');
    if (!keepsAnAdmin(members, userId, null)) throw new AppError('LAST_ADMIN');
    await deleteMembership(tx, userId, organisationId);
    await recordAudit(tx, {
      event: leaving ? 'membership.left' : 'membership.removed',
      actorId: ctx.actor.userId,
      actorEmail: ctx.actor.email,
      subjectType: 'organisation',
      subjectId: organisationId,
      ip: ctx.ip,
      details: { member: userId, roles: target.roles },
    });
  });
}
