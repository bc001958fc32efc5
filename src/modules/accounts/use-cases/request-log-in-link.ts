// "E-mail me a log-in link": a one-time link, valid for 15 minutes, that logs in without the
// password. It is the way in when the address is locked by someone else's guesses, or the password
// is forgotten on a borrowed phone. The page says the same whether or not the address has an
// account; the link only reaches the address's owner.
import { translator } from '../../../i18n/index.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { recordAudit } from '../../audit/index.ts';
import { queueMail } from '../../notifications/index.ts';
import { emailProblem, normaliseEmail } from '../account-fields.ts';
import type { AccountContext } from '../account-context.ts';
import { findUserByEmail, issueAccountToken } from '../accounts.repo.ts';

export const logInLinkMinutes = 15;

export async function requestLogInLink(ctx: AccountContext, input: { email: string }): Promise<void> {
  const email = normaliseEmail(input.email);
  const problem = emailProblem(email);
  if (problem) throw new AppError('VALIDATION_FAILED', { fields: [problem] });
  await ctx.limits.logInLinkByIp.consume(ctx.ip);
  await ctx.limits.logInLinkByAccount.consume(email);
  await ctx.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    await recordAudit(tx, {
      event: 'login.link_requested',
      actorId: user?.id,
      actorEmail: email,
      ip: ctx.ip,
      details: user ? {} : { reason: 'unknown_address' },
    });
    if (!user) return;
    const token = await issueAccountToken(tx, user.id, 'log_in', ctx.now, logInLinkMinutes * 60_000);
    const t = translator(user.locale as Locale);
    await queueMail(tx, {
      to: user.email,
      locale: t.locale,
      subject: t.t('mail.login_link.subject'),
      paragraphs: [
        t.t('mail.greeting', { name: user.name }),
        t.t('mail.login_link.body', { minutes: logInLinkMinutes }),
      ],
      action: {
        label: t.t('mail.login_link.action'),
        url: `${ctx.origin}/${t.locale}/login/link?token=${token}`,
      },
      footer: t.t('mail.login_link.footer'),
    });
  });
  ctx.mailQueued();
}
