// E-mails about memberships, each in its recipient's language.
import type { Executor } from '../../db/client.ts';
import { type MessageKey, type MessageValues, translator } from '../../i18n/index.ts';
import { isLocale, type Locale, pickText, type I18nText } from '../../shared/i18n-text.ts';
import { findUsersByIds, findUsersWithPlatformRoles, type UserRow } from '../accounts/index.ts';
import { queueMail } from '../notifications/index.ts';
import { findMembersOf } from './membership.repo.ts';

export interface MailSpec {
  /** Message keys under "mail.<kind>.": subject, body, action. */
  kind: string;
  values: (locale: Locale) => MessageValues;
  /** The path after the locale, e.g. "/manage/organisations/…/members". */
  path: string;
}

export async function mailPerson(
  db: Executor,
  origin: string,
  to: { email: string; name?: string; locale: string },
  spec: MailSpec,
): Promise<void> {
  const locale: Locale = isLocale(to.locale) ? to.locale : 'fr';
  const t = translator(locale);
  const key = (part: string) => `mail.${spec.kind}.${part}` as MessageKey;
  const values = spec.values(locale);
  await queueMail(db, {
    to: to.email,
    locale,
    subject: t.t(key('subject'), values),
    paragraphs: [...(to.name ? [t.t('mail.greeting', { name: to.name })] : []), t.t(key('body'), values)],
    action: { label: t.t(key('action'), values), url: `${origin}/${locale}${spec.path}` },
  });
}

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
