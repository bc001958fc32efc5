// Ending sessions: this one, one other device, or all of them ("log out everywhere").
import { AppError } from '../../../shared/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import type { AccountContext } from '../account-context.ts';
import { deleteSession, deleteSessionsOfUser } from '../accounts.repo.ts';
import type { SignedIn } from '../../../shared/signed-in.ts';
import { forgetDevicesOf } from '../login-devices.ts';

export async function logOut(ctx: AccountContext, signedIn: SignedIn): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, signedIn.sessionId);
    await recordAudit(tx, {
      event: 'logout',
      actorId: signedIn.user.id,
      actorEmail: signedIn.user.email,
      ip: ctx.ip,
    });
  });
}

/** Ends one of the person's own sessions; another person's session id is "not found". */
export async function endSession(ctx: AccountContext, signedIn: SignedIn, sessionId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteSession(tx, sessionId, signedIn.user.id))) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      event: 'session.ended',
      actorId: signedIn.user.id,
      actorEmail: signedIn.user.email,
      ip: ctx.ip,
    });
  });
}

export async function logOutEverywhere(ctx: AccountContext, signedIn: SignedIn): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const ended = await deleteSessionsOfUser(tx, signedIn.user.id);
    // The browsers used so far are no longer known: one of them may be in the wrong hands.
    await forgetDevicesOf(tx, signedIn.user.id);
    await recordAudit(tx, {
      event: 'logout.everywhere',
      actorId: signedIn.user.id,
      actorEmail: signedIn.user.email,
      ip: ctx.ip,
      details: { ended },
    });
    return ended;
  });
}
