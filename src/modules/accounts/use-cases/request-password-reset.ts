// "Forgot your password?": a link by e-mail, valid for an hour; a newer link voids the older ones.
import type { AccountContext } from '../account-context.ts';
import { requestedAddress, sendAccountLink } from '../account-links.ts';

export const resetLinkMinutes = 60;

export async function requestPasswordReset(ctx: AccountContext, input: { email: string }): Promise<void> {
  const email = requestedAddress(input.email);
  await ctx.limits.resetByIp.consume(ctx.ip);
  await ctx.limits.resetByAccount.consume(email);
  await sendAccountLink(ctx, email, {
    purpose: 'reset_password',
    kind: 'reset',
    path: '/password/reset',
    minutes: resetLinkMinutes,
    event: 'password.reset_requested',
  });
}
