// Following the link in the confirmation e-mail. It confirms the address and nothing more: it does
// not sign anyone in, so a link sent by someone else cannot put a person into the sender's account.
// A link opened again (by the person, or first by a mail scanner) finds the address confirmed.
import { AppError } from '../../../shared/errors.ts';
import { hashToken, isWellFormedToken } from '../../../shared/tokens.ts';
import { recordAudit } from '../../audit/index.ts';
import type { AccountContext } from '../account-context.ts';
import {
  findAccountTokenOwner,
  findUserById,
  updateUser,
  type UserRow,
  useAccountToken,
} from '../accounts.repo.ts';

export async function verifyEmail(ctx: AccountContext, token: unknown): Promise<UserRow> {
  if (!isWellFormedToken(token)) throw new AppError('TOKEN_INVALID');
  const tokenHash = hashToken(token);
  return ctx.db.transaction(async (tx) => {
    const used = await useAccountToken(tx, tokenHash, 'verify_email', ctx.now);
    if (!used) {
      const owner = await findAccountTokenOwner(tx, tokenHash, 'verify_email');
      const user = owner && (await findUserById(tx, owner.userId));
      if (user?.emailVerifiedAt) return user;
      throw new AppError('TOKEN_INVALID');
    }
    const user = await findUserById(tx, used.userId);
    if (!user) throw new AppError('TOKEN_INVALID');
    if (!user.emailVerifiedAt) await updateUser(tx, user.id, { emailVerifiedAt: ctx.now });
    await recordAudit(tx, { event: 'email.verified', actorId: user.id, actorEmail: user.email, ip: ctx.ip });
    return { ...user, emailVerifiedAt: user.emailVerifiedAt ?? ctx.now };
  });
}
