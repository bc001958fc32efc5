// Logging in with the e-mailed link. Opening the link changes nothing (mail scanners open links);
// the button on its page uses it up. It also confirms the address, since it came through it. The
// lock on the address stays for other browsers: this one is known from now on (login-devices.ts).
import { AppError } from '../../../shared/errors.ts';
import { hashToken, isWellFormedToken } from '../../../shared/tokens.ts';
import type { AccountContext } from '../account-context.ts';
import { findUserById, findValidAccountToken, updateUser, useAccountToken } from '../accounts.repo.ts';
import { type LoggedIn, startSignedIn } from './log-in.ts';

/** The address a log-in link is for, while it is valid; for the page behind the link. */
export async function logInLinkAddress(
  ctx: Pick<AccountContext, 'db' | 'now'>,
  token: unknown,
): Promise<string | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const valid = await findValidAccountToken(ctx.db, hashToken(token), 'log_in', ctx.now);
  return valid && (await findUserById(ctx.db, valid.userId))?.email;
}

export async function logInWithLink(
  ctx: AccountContext,
  input: { token: unknown; deviceToken?: string },
): Promise<LoggedIn> {
  if (!isWellFormedToken(input.token)) throw new AppError('TOKEN_INVALID');
  const used = await useAccountToken(ctx.db, hashToken(input.token), 'log_in', ctx.now);
  const user = used && (await findUserById(ctx.db, used.userId));
  if (!user) throw new AppError('TOKEN_INVALID');
  if (!user.emailVerifiedAt) await updateUser(ctx.db, user.id, { emailVerifiedAt: ctx.now });
  return startSignedIn(ctx, user, { deviceToken: input.deviceToken, event: 'login.link' });
}
