// "Forgot your password?": a link by e-mail, valid for an hour. The page says the same whether or
// not the address has an account, so it cannot be used to find out who is registered.
import { translator } from '../../../i18n/index.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { recordAudit } from '../../audit/index.ts';
import { queueMail } from '../../notifications/index.ts';
import { emailProblem, normaliseEmail } from '../account-fields.ts';
import type { AccountContext } from '../account-context.ts';
import { findUserByEmail, issueAccountToken } from '../accounts.repo.ts';

export const resetLinkMinutes = 60;

export async function requestPasswordReset(ctx: AccountContext, input: { email: string }): Promise<void> {
  const email = normaliseEmail(input.email);
  const problem = emailProblem(email);
  if (problem) throw new AppError('VALIDATION_FAILED', { fields: [problem] });
  await ctx.limits.resetByIp.consume(ctx.ip);
  await ctx.limits.resetByAccount.consume(email);
  await ctx.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    await recordAudit(tx, {
      event: 'password.reset_requested',
      actorId: user?.id,
      actorEmail: email,
      ip: ctx.ip,
      details: user ? {} : { reason: 'unknown_address' },
    });
    if (!user) return;
    const token = await issueAccountToken(tx, user.id, 'reset_password', ctx.now, resetLinkMinutes * 60_000);
    const t = translator(user.locale as Locale);
    await queueMail(tx, {
      to: user.email,
      locale: t.locale,
      subject: t.t('mail.reset.subject'),
      paragraphs: [
        t.t('mail.greeting', { name: user.name }),
        t.t('mail.reset.body', { minutes: resetLinkMinutes }),
      ],
      action: {
        label: t.t('mail.reset.action'),
        url: `${ctx.origin}/${t.locale}/password/reset?token=${token}`,
      },
      footer: t.t('mail.reset.footer'),
    });
  });
  ctx.mailQueued();
}
