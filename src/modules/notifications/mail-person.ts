// One e-mail to one person, in that person's language: subject, body and button from the messages
// "<kind>.subject|body|action" of the sending module
// (e.g. "membership.mail.invitation.subject"), with a link into the site.
import type { Executor } from '../../db/client.ts';
import { type MessageKey, type MessageValues, translator } from '../../i18n/index.ts';
import { isLocale, type Locale } from '../../shared/i18n-text.ts';
import { queueMail } from './mail.ts';

export interface MailSpec {
  /** The prefix of its message keys, e.g. "membership.mail.invitation": then .subject, .body, .action. */
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
  const key = (part: string) => `${spec.kind}.${part}` as MessageKey;
  const values = spec.values(locale);
  await queueMail(db, {
    to: to.email,
    locale,
    subject: t.t(key('subject'), values),
    paragraphs: [
      ...(to.name ? [t.t('notifications.mail.greeting', { name: to.name })] : []),
      t.t(key('body'), values),
    ],
    action: { label: t.t(key('action'), values), url: `${origin}/${locale}${spec.path}` },
  });
}
