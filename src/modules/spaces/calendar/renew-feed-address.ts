// A new address for an organisation's calendar feed, when the old one was shared too widely (a
// volunteer who left, a calendar made public by mistake): the old address stops answering at once.
import type { SpaceContext } from '../space-context.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { requireRoomManager } from '../spaces.policy.ts';
import { nextFeedVersion } from './feed-keys.repo.ts';

export async function renewFeedAddress(
  ctx: SpaceContext,
  organisationId: string,
): Promise<{ version: number }> {
  await requireRoomManager(ctx.db, ctx.actor, organisationId);
  const id = organisationId.toLowerCase();
  return ctx.db.transaction(async (tx) => {
    const version = await nextFeedVersion(tx, id, {
      by: ctx.actor.kind === 'person' ? ctx.actor.userId : null,
      now: ctx.now,
    });
    await auditSpaces(tx, ctx, 'feed_address_renewed', { type: 'organisation', id }, { version });
    return { version };
  });
}
