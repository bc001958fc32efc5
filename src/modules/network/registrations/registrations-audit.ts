// Every change to a registration goes to the audit log: by the person (signed in or not), an
// organiser, or a job. Names and addresses stay out of it: the registration's id says who.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { recordAudit } from '../../audit/index.ts';

export async function auditRegistration(
  tx: Executor,
  ctx: { actor?: Actor | null; ip: string | null },
  event: string,
  registrationId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(tx, {
    event: `network.registration_${event}`,
    actorId: ctx.actor?.userId ?? null,
    actorEmail: ctx.actor?.email ?? null,
    subjectType: 'event_registration',
    subjectId: registrationId,
    ip: ctx.ip,
    details,
  });
}
