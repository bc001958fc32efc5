// An admin invites someone by e-mail, with the roles they will have. The link works for 14 days,
// for the invited address only.
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { newToken } from '../../../shared/tokens.ts';
import { findUserByEmail } from '../../accounts/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import type { MembershipContext } from '../membership-context.ts';
import { mailPerson } from '../../notifications/index.ts';
import { nameIn } from '../membership-mail.ts';
import { insertInvitation } from '../membership.repo.ts';
import { isEmailAddress } from '../../../shared/shapes.ts';
import {
  canManageMembers,
  findMembership,
  type OrganisationRole,
  organisationRoles,
} from '../../access/index.ts';

export const invitationDays = 14;

export function checkRoles(roles: string[]): OrganisationRole[] | null {
  const known = [...new Set(roles)].filter((r): r is OrganisationRole =>
    organisationRoles.includes(r as OrganisationRole),
  );
  return known.length && known.length === new Set(roles).size ? known : null;
}

export async function inviteMember(
  ctx: MembershipContext,
  organisationId: string,
  input: { email: string; roles: string[] },
): Promise<void> {
  const org = await getOrganisationBrief(ctx.db, organisationId);
  if (!canManageMembers(await findMembership(ctx.db, ctx.actor.userId, org.id)))
    throw new AppError('FORBIDDEN');
  const email = input.email.trim().toLowerCase();
  const roles = checkRoles(input.roles);
  const problems: FieldProblem[] = [];
  if (!isEmailAddress(email))
    problems.push({ field: 'email', message: 'is not an e-mail address', code: 'email_invalid' });
  if (!roles) problems.push({ field: 'roles', message: 'choose at least one role', code: 'roles_required' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });

  await ctx.db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, email);
    if (existing && (await findMembership(tx, existing.id, org.id))) throw new AppError('ALREADY_MEMBER');
    const { token, hash } = newToken();
    const invitation = await insertInvitation(tx, {
      organisationId: org.id,
      email,
      roles: roles!,
      tokenHash: hash,
      invitedBy: ctx.actor.userId,
      expiresAt: new Date(ctx.now.getTime() + invitationDays * 86_400_000),
    });
    await recordAudit(tx, {
      event: 'membership.invited',
      actorId: ctx.actor.userId,
      actorEmail: ctx.actor.email,
      subjectType: 'organisation',
      subjectId: org.id,
      ip: ctx.ip,
      details: { invitationId: invitation.id, email, roles },
    });
    await mailPerson(
      tx,
      ctx.origin,
      { email, name: existing?.name, locale: existing?.locale ?? ctx.locale },
      {
        kind: 'membership.mail.invitation',
        values: (locale) => ({
          person: ctx.actor.email,
          organisation: nameIn(org.name, locale),
          days: invitationDays,
        }),
        path: `/invitations/accept?token=${token}`,
      },
    );
  });
  ctx.mailQueued();
}
