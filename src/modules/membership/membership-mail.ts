// E-mails about memberships, each in its recipient's language.
import type { Executor } from '../../db/client.ts';
import { type Locale, pickText, type I18nText } from '../../shared/i18n-text.ts';
import { findUsersByIds, findUsersWithPlatformRoles, type UserRow } from '../accounts/index.ts';
import { findMembersOf } from '../access/index.ts';

/**
 * Who decides a claim on an organisation: its admins, or when it has none the moderators who do not
 * belong to it (membership.policy.ts, canDecideClaim).
 */
export async function claimDeciders(
  db: Executor,
  organisationId: string,
): Promise<{ deciders: UserRow[]; moderators: boolean }> {
  const members = await findMembersOf(db, organisationId);
  const admins = members.filter((m) => m.roles.includes('admin'));
  if (admins.length)
    return {
      deciders: await findUsersByIds(
        db,
        admins.map((m) => m.userId),
      ),
      moderators: false,
    };
  const belong = new Set(members.map((m) => m.userId));
  const moderators = await findUsersWithPlatformRoles(db, ['moderator', 'admin']);
  return { deciders: moderators.filter((u) => !belong.has(u.id)), moderators: true };
}

export const nameIn = (name: I18nText, locale: Locale) => pickText(name, locale)?.text ?? '';
