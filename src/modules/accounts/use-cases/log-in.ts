// Log-in with e-mail and password. Attempts are limited per address and per IP; a failure says
// the same whether the address is unknown or the password wrong, and takes as long.
import { AppError } from '../../../shared/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import { normaliseEmail } from '../account-fields.ts';
import type { AccountContext } from '../account-context.ts';
import { findUserByEmail, type UserRow } from '../accounts.repo.ts';
import { decoyHash, verifyPassword } from '../password.ts';
import { startSession } from '../sessions.ts';

export async function logIn(
  ctx: AccountContext,
  input: { email: string; password: string },
): Promise<{ user: UserRow; token: string; expiresAt: Date }> {
  const email = normaliseEmail(input.email);
  try {
    await ctx.limits.logInByIp.consume(ctx.ip);
    // Every attempt counts before the password is checked, so parallel guesses count too; a right
    // password resets the count.
    await ctx.limits.logInByAccount.consume(email);
  } catch (error) {
    await recordAudit(ctx.db, { event: 'login.rate_limited', actorEmail: email.slice(0, 254), ip: ctx.ip });
    throw error;
  }
  const user = email ? await findUserByEmail(ctx.db, email) : undefined;
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password.slice(0, 1000));
  if (!user || !ok) {
    await recordAudit(ctx.db, {
      event: 'login.failed',
      actorId: user?.id,
      actorEmail: email.slice(0, 254),
      ip: ctx.ip,
      details: { reason: user ? 'password' : 'unknown_address' },
    });
    throw new AppError('LOGIN_FAILED');
  }
  await ctx.limits.logInByAccount.reset(email);
  const session = await ctx.db.transaction(async (tx) => {
    const started = await startSession(tx, user.id, { userAgent: ctx.userAgent, ip: ctx.ip }, ctx.now);
    await recordAudit(tx, { event: 'login', actorId: user.id, actorEmail: user.email, ip: ctx.ip });
    return started;
  });
  return { user, ...session };
}
