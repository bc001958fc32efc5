// One-time links by e-mail that let a person back in: a new password, or a log-in without one.
// Both answer the same whether or not the address has an account (the page cannot tell who is
// registered), record the request, and e-mail the link in the person's language.
import type { Executor } from '../../db/client.ts';
import { type MessageKey, translator } from '../../i18n/index.ts';
import { AppError } from '../../shared/errors.ts';
import type { Locale } from '../../shared/i18n-text.ts';
import { recordAudit } from '../audit/index.ts';
import { queueMail } from '../notifications/index.ts';
import { emailProblem, normaliseEmail } from './account-fields.ts';
import type { AccountContext } from './account-context.ts';
import { findUserByEmail, issueAccountToken } from './accounts.repo.ts';
import type { AccountTokenPurpose } from './accounts.vocabulary.ts';

export interface AccountLink {
  purpose: AccountTokenPurpose;
  /** The e-mail's messages: mail.<kind>.subject, .body, .action and .footer. */
  kind: 'reset' | 'login_link';
  /** The page the link opens, after /{lang}. */
  path: string;
  minutes: number;
  event: 'password.reset_requested' | 'login.link_requested';
  keepEarlier?: boolean;
}

/** The address as typed, normalised, or a field error. */
export function requestedAddress(input: string): string {
  const email = normaliseEmail(input);
  const problem = emailProblem(email);
  if (problem) throw new AppError('VALIDATION_FAILED', { fields: [problem] });
  return email;
}

/** Records the request and, when the address has an account, e-mails it the link. */
export async function sendAccountLink(ctx: AccountContext, email: string, link: AccountLink): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    await recordAudit(tx, {
      event: link.event,
      actorId: user?.id,
      actorEmail: email,
      ip: ctx.ip,
      details: user ? {} : { reason: 'unknown_address' },
    });
    if (user) await mailLink(tx, ctx, user, link);
  });
  ctx.mailQueued();
}

async function mailLink(
  tx: Executor,
  ctx: AccountContext,
  user: { id: string; email: string; name: string; locale: string },
  link: AccountLink,
): Promise<void> {
  const token = await issueAccountToken(tx, user.id, link.purpose, ctx.now, link.minutes * 60_000, {
    keepEarlier: link.keepEarlier,
  });
  const t = translator(user.locale as Locale);
  const key = (part: string) => `accounts.mail.${link.kind}.${part}` as MessageKey;
  await queueMail(tx, {
    to: user.email,
    locale: t.locale,
    subject: t.t(key('subject')),
    paragraphs: [
      t.t('notifications.mail.greeting', { name: user.name }),
      t.t(key('body'), { minutes: link.minutes }),
    ],
    action: { label: t.t(key('action')), url: `${ctx.origin}/${t.locale}${link.path}?token=${token}` },
    footer: t.t(key('footer')),
  });
}
