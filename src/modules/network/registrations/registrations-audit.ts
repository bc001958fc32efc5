// Every change to a registration goes to the audit log: by the person (signed in or not), an
// organiser, or a job. Names and addresses stay out of it: the registration's id says who.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { recordAudit } from '../../audit/index.ts';

/** Records what happened to a registration: one event, or several in their order (in one statement). */
export async function auditRegistration(
  tx: Executor,
  ctx: { actor?: Actor | null; ip: string | null },
  event: string | string[],
  registrationId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(
    tx,
    (Array.isArray(event) ? event : [event]).map((e) => ({
      event: `network.registration_${e}`,
      actorId: ctx.actor?.userId ?? null,
      actorEmail: ctx.actor?.email ?? null,
      subjectType: 'event_registration',
      subjectId: registrationId,
      ip: ctx.ip,
      details,
    })),
  );
}
