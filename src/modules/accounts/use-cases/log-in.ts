// Log-in with e-mail and password. Attempts are limited per address and per IP; a failure says
// the same whether the address is unknown or the password wrong, and takes as long. From a browser
// the person logged in from before, attempts count for that browser alone, so someone else's wrong
// guesses cannot keep her out (login-devices.ts).
import { AppError } from '../../../shared/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import { normaliseEmail } from '../account-fields.ts';
import type { AccountContext } from '../account-context.ts';
import { findUserByEmail, type UserRow } from '../accounts.repo.ts';
import { knownDevice, rememberDevice } from '../login-devices.ts';
import { decoyHash, verifyPassword } from '../password.ts';
import { startSession } from '../sessions.ts';

export interface LoggedIn {
  user: UserRow;
  /** The session cookie's token. */
  token: string;
  expiresAt: Date;
  /** The browser's cookie token, for its next log-in. */
  deviceToken: string;
}

export async function logIn(
  ctx: AccountContext,
  input: { email: string; password: string; deviceToken?: string },
): Promise<LoggedIn> {
  const email = normaliseEmail(input.email);
  const user = email ? await findUserByEmail(ctx.db, email) : undefined;
  const device = user && (await knownDevice(ctx.db, input.deviceToken, user.id, ctx.now));
  try {
    // Every attempt counts before the password is checked, so parallel guesses count too; a right
    // password resets the count.
    // The IP limit holds for every browser: the next person on a shared computer gets no more tries.
    await ctx.limits.logInByIp.consume(ctx.ip);
    if (device) await ctx.limits.logInByDevice.consume(device);
    else await ctx.limits.logInByAccount.consume(email);
  } catch (error) {
    await recordAudit(ctx.db, { event: 'login.rate_limited', actorEmail: email.slice(0, 254), ip: ctx.ip });
    throw error;
  }
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password.slice(0, 1000));
  if (!user || !ok) {
    await recordAudit(ctx.db, {
      event: 'login.failed',
      actorId: user?.id,
      actorEmail: email.slice(0, 254),
      ip: ctx.ip,
      details: { reason: user ? 'password' : 'unknown_address', knownBrowser: Boolean(device) },
    });
    throw new AppError('LOGIN_FAILED');
  }
  // A right password resets the count it was checked under: from a known browser only that
  // browser's, so someone else's guesses at the address stay counted.
  if (device) await ctx.limits.logInByDevice.reset(device);
  else await ctx.limits.logInByAccount.reset(email);
  return startSignedIn(ctx, user, { deviceToken: input.deviceToken, device, event: 'login' });
}

/** A new session after a log-in (by password or by e-mailed link), and the browser remembered. */
export async function startSignedIn(
  ctx: AccountContext,
  user: UserRow,
  options: { deviceToken?: string; device?: string; event: 'login' | 'login.link' },
): Promise<LoggedIn> {
  const device = options.device ?? (await knownDevice(ctx.db, options.deviceToken, user.id, ctx.now));
  return ctx.db.transaction(async (tx) => {
    const started = await startSession(tx, user.id, { userAgent: ctx.userAgent, ip: ctx.ip }, ctx.now);
    const deviceToken = await rememberDevice(
      tx,
      user.id,
      { token: options.deviceToken, id: device },
      ctx.now,
    );
    await recordAudit(tx, { event: options.event, actorId: user.id, actorEmail: user.email, ip: ctx.ip });
    return { user, ...started, deviceToken };
  });
}
