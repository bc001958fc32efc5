// Every change to a room or a booking goes to the audit log, by a person, an integration or a job.
import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../audit/index.ts';
import type { SpaceContext } from './space-context.ts';

export async function auditSpaces(
  tx: Executor,
  /** A job has no actor and no address. */
  ctx: { actor?: SpaceContext['actor']; ip: string | null },
  event: string,
  subject: { type: 'room' | 'booking' | 'organisation'; id: string },
  details: Record<string, unknown> = {},
): Promise<void> {
  const { actor } = ctx;
  await recordAudit(tx, {
    event: `spaces.${event}`,
    actorId: actor?.kind === 'person' ? actor.userId : null,
    actorEmail: actor?.kind === 'person' ? actor.email : null,
    subjectType: subject.type,
    subjectId: subject.id,
    ip: ctx.ip,
    details: actor?.kind === 'token' ? { ...details, apiToken: actor.tokenId } : details,
  });
}
