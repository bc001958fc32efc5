// The e-mail with the link that confirms an address. Sent at sign-up and again on request; a new
// link makes the earlier ones stop working.
import type { Executor } from '../../../db/client.ts';
import { translator } from '../../../i18n/index.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { queueMail } from '../../notifications/index.ts';
import type { AccountContext } from '../account-context.ts';
import { issueAccountToken, type UserRow } from '../accounts.repo.ts';

export const verificationLinkHours = 48;

export async function sendVerificationMail(
  db: Executor,
  ctx: Pick<AccountContext, 'origin' | 'now'>,
  user: Pick<UserRow, 'id' | 'email' | 'name' | 'locale'>,
): Promise<void> {
  const token = await issueAccountToken(
    db,
    user.id,
    'verify_email',
    ctx.now,
    verificationLinkHours * 3_600_000,
  );
  const t = translator(user.locale as Locale);
  await queueMail(db, {
    to: user.email,
    locale: t.locale,
    subject: t.t('accounts.mail.verify.subject'),
    paragraphs: [
      t.t('notifications.mail.greeting', { name: user.name }),
      t.t('accounts.mail.verify.body', { hours: verificationLinkHours }),
    ],
    action: {
      label: t.t('accounts.mail.verify.action'),
      url: `${ctx.origin}/${t.locale}/verify-email?token=${token}`,
    },
    footer: t.t('accounts.mail.verify.footer'),
  });
}
