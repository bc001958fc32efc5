// E-mails about memberships, each in its recipient's language.
import type { Executor } from '../../db/client.ts';
import { type Locale, pickText, type I18nText } from '../../shared/i18n-text.ts';
import { findUsersByIds, findUsersWithPlatformRoles, type UserRow } from '../accounts/index.ts';
import { findMembersOf } from './membership.repo.ts';

/** The admins of an organisation, or the moderators when it has none yet. */
export async function adminsOrModerators(db: Executor, organisationId: string): Promise<UserRow[]> {
  const admins = (await findMembersOf(db, organisationId)).filter((m) => m.roles.includes('admin'));
  if (admins.length)
    return findUsersByIds(
      db,
      admins.map((m) => m.userId),
    );
  return findUsersWithPlatformRoles(db, ['moderator', 'admin']);
}

export const nameIn = (name: I18nText, locale: Locale) => pickText(name, locale)?.text ?? '';
