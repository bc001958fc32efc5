// The digest's one-click way out, without logging in: the link's token names the reader, and all
// they follow goes (so no digest is sent any more). A token this platform did not make changes
// nothing and says so.
import { AppError } from '../../../shared/errors.ts';
import type { KeyRing } from '../../../shared/field-encryption.ts';
import { recordAudit } from '../../audit/index.ts';
import type { VisitorContext } from '../network-context.ts';
import { removeAllFollows } from './follows.repo.ts';
import { readerOfToken } from './unsubscribe-token.ts';

/** The reader of a link, or UNSUBSCRIBE_LINK_INVALID. */
export function requireUnsubscribeToken(keys: KeyRing, token: string | undefined): string {
  const userId = token ? readerOfToken(keys, token) : null;
  if (!userId) throw new AppError('UNSUBSCRIBE_LINK_INVALID');
  return userId;
}

export async function unsubscribeByLink(
  ctx: VisitorContext & { keys: KeyRing },
  token: string | undefined,
): Promise<{ removed: number }> {
  const userId = requireUnsubscribeToken(ctx.keys, token);
  return ctx.db.transaction(async (tx) => {
    const removed = await removeAllFollows(tx, userId);
    await recordAudit(tx, {
      event: 'network.follows_unsubscribed',
      // Whoever holds the link acts for the reader; a signed-in person is noted as who clicked.
      actorId: ctx.actor?.userId ?? null,
      actorEmail: ctx.actor?.email ?? null,
      subjectType: 'user',
      subjectId: userId,
      ip: ctx.ip,
      details: { removed },
    });
    return { removed };
  });
}
