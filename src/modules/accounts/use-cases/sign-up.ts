// Sign-up: a new account, unverified until its address is confirmed through the e-mailed link.
// Whether the address already had an account is not revealed on the page: that person gets an
// e-mail saying so instead of a second account.
import { translator } from '../../../i18n/index.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { recordAudit } from '../../audit/index.ts';
import { queueMail } from '../../notifications/index.ts';
import { emailProblem, nameProblem, newPasswordProblem, normaliseEmail } from '../account-fields.ts';
import { findUserByEmail, insertUser } from '../accounts.repo.ts';
import type { AccountContext } from '../account-context.ts';
import { hashPassword } from '../password.ts';
import { sendVerificationMail } from './send-verification-mail.ts';

export interface SignUpInput {
  email: string;
  name: string;
  password: string;
  locale: Locale;
}

export async function signUp(ctx: AccountContext, input: SignUpInput): Promise<void> {
  await ctx.limits.signUpByIp.consume(ctx.ip);
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  const problems = [emailProblem(email), nameProblem(name)].filter((p): p is FieldProblem => p !== null);
  const passwordIssue = await newPasswordProblem(input.password, [email, name]);
  if (passwordIssue) problems.push(passwordIssue);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });

  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    // No account when the address has one, even one a parallel sign-up created a moment ago.
    const user = await insertUser(tx, { email, name, passwordHash, locale: input.locale });
    if (!user) {
      const existing = (await findUserByEmail(tx, email))!;
      const t = translator(existing.locale as Locale);
      await queueMail(tx, {
        to: email,
        locale: t.locale,
        subject: t.t('accounts.mail.already_registered.subject'),
        paragraphs: [
          t.t('notifications.mail.greeting', { name: existing.name }),
          t.t('accounts.mail.already_registered.body'),
        ],
        action: {
          label: t.t('accounts.mail.already_registered.action'),
          url: `${ctx.origin}/${t.locale}/password/forgot`,
        },
        footer: t.t('notifications.mail.ignore'),
      });
      await recordAudit(tx, { event: 'signup.existing_address', actorEmail: email, ip: ctx.ip });
      return;
    }
    await sendVerificationMail(tx, ctx, user);
    await recordAudit(tx, { event: 'signup', actorId: user.id, actorEmail: email, ip: ctx.ip });
  });
  ctx.mailQueued();
}
