// "Send the confirmation link again", from the account page. Limited like password resets, since
// each one sends an e-mail.
import { recordAudit } from '../../audit/index.ts';
import type { AccountContext } from '../account-context.ts';
import type { SignedIn } from '../../../shared/signed-in.ts';
import { sendVerificationMail } from './send-verification-mail.ts';

export async function resendVerification(ctx: AccountContext, signedIn: SignedIn): Promise<void> {
  const { user } = signedIn;
  if (user.emailVerifiedAt) return;
  await ctx.limits.resetByAccount.consume(`verify:${user.email}`);
  await ctx.db.transaction(async (tx) => {
    await sendVerificationMail(tx, ctx, user);
    await recordAudit(tx, {
      event: 'email.verification_resent',
      actorId: user.id,
      actorEmail: user.email,
      ip: ctx.ip,
    });
  });
  ctx.mailQueued();
}
