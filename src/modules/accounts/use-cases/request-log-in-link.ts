// "E-mail me a log-in link": a one-time link, valid for 15 minutes, that logs in without the
// password. It is the way in when the address is locked by someone else's guesses, or the password
// is forgotten on a borrowed phone, so nobody else may be able to use it up: links asked for by
// others do not void the one the person holds, and when an address has had its links for the hour
// the answer is "use the newest one in your mailbox" (it still works), not a refusal.
import type { AccountContext } from '../account-context.ts';
import { requestedAddress, sendAccountLink } from '../account-links.ts';

export const logInLinkMinutes = 15;

/** "sent" or, when the address had its links for the hour, "sent_recently". */
export async function requestLogInLink(
  ctx: AccountContext,
  input: { email: string },
): Promise<'sent' | 'sent_recently'> {
  const email = requestedAddress(input.email);
  await ctx.limits.logInLinkByIp.consume(ctx.ip);
  // Per address from one IP (a person asking again and again), and a ceiling per address against
  // floods of mail from many IPs.
  const fresh =
    (await ctx.limits.logInLinkByAddressAndIp.tryConsume(`${email} ${ctx.ip}`)) &&
    (await ctx.limits.logInLinkByAddress.tryConsume(email));
  if (!fresh) return 'sent_recently';
  await sendAccountLink(ctx, email, {
    purpose: 'log_in',
    kind: 'login_link',
    path: '/login/link',
    minutes: logInLinkMinutes,
    event: 'login.link_requested',
    keepEarlier: true,
  });
  return 'sent';
}
