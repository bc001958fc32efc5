// Setting a new password from the e-mailed link. Every session of the account ends (whoever knew
// the old password is signed out); the link also confirms the address, since it came through it.
import { AppError } from '../../../shared/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import { newPasswordProblem } from '../account-fields.ts';
import type { AccountContext } from '../account-context.ts';
import {
  deleteSessionsOfUser,
  findUserById,
  findValidAccountToken,
  updateUser,
  useAccountToken,
} from '../accounts.repo.ts';
import { forgetDevicesOf } from '../login-devices.ts';
import { hashPassword } from '../password.ts';
import { hashToken, isWellFormedToken } from '../../../shared/tokens.ts';

/** The person a reset link is for, while it is valid. */
async function ownerOf(ctx: Pick<AccountContext, 'db' | 'now'>, token: unknown) {
  if (!isWellFormedToken(token)) return undefined;
  const valid = await findValidAccountToken(ctx.db, hashToken(token), 'reset_password', ctx.now);
  return valid && findUserById(ctx.db, valid.userId);
}

export async function isResetLinkValid(
  ctx: Pick<AccountContext, 'db' | 'now'>,
  token: unknown,
): Promise<boolean> {
  return Boolean(await ownerOf(ctx, token));
}

export async function resetPassword(
  ctx: AccountContext,
  input: { token: unknown; password: string },
): Promise<void> {
  const owner = await ownerOf(ctx, input.token);
  if (!owner) throw new AppError('TOKEN_INVALID');
  const tokenHash = hashToken(input.token as string);
  const problem = await newPasswordProblem(input.password, [owner.email, owner.name]);
  if (problem) throw new AppError('VALIDATION_FAILED', { fields: [problem] });
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const used = await useAccountToken(tx, tokenHash, 'reset_password', ctx.now);
    if (!used) throw new AppError('TOKEN_INVALID');
    await updateUser(tx, used.userId, { passwordHash, emailVerifiedAt: owner.emailVerifiedAt ?? ctx.now });
    const ended = await deleteSessionsOfUser(tx, used.userId);
    await forgetDevicesOf(tx, used.userId);
    await recordAudit(tx, {
      event: 'password.reset',
      actorId: used.userId,
      actorEmail: owner.email,
      ip: ctx.ip,
      details: { sessionsEnded: ended },
    });
  });
}
