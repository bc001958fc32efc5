// Following the link in the confirmation e-mail. The link works once; the address then counts as
// confirmed and the person is signed in on that device.
import { AppError } from '../../../shared/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import type { AccountContext } from '../account-context.ts';
import { findUserById, updateUser, type UserRow, useAccountToken } from '../accounts.repo.ts';
import { hashToken, isWellFormedToken } from '../../../shared/tokens.ts';

export async function verifyEmail(ctx: AccountContext, token: unknown): Promise<UserRow> {
  if (!isWellFormedToken(token)) throw new AppError('TOKEN_INVALID');
  return ctx.db.transaction(async (tx) => {
    const used = await useAccountToken(tx, hashToken(token), 'verify_email', ctx.now);
    const user = used && (await findUserById(tx, used.userId));
    if (!user) throw new AppError('TOKEN_INVALID');
    if (!user.emailVerifiedAt) await updateUser(tx, user.id, { emailVerifiedAt: ctx.now });
    await recordAudit(tx, { event: 'email.verified', actorId: user.id, actorEmail: user.email, ip: ctx.ip });
    return { ...user, emailVerifiedAt: user.emailVerifiedAt ?? ctx.now };
  });
}
