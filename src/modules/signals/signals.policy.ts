// Who may signal a need, and for which organisation: any member of it with a confirmed address,
// an integration with the organisation's token, or a visitor (whose signal waits for a moderator).
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { isUuid } from '../../shared/shapes.ts';
import { type Actor, findMembership, isModerator } from '../access/index.ts';
import type { SignalActor } from './signal-context.ts';

/** The organisation the signal is from, null for a visitor; refuses anyone else. */
export async function signallingOrganisation(
  db: Executor,
  actor: SignalActor,
  organisationId: string | undefined,
): Promise<string | null> {
  if (actor.kind === 'visitor') return null;
  if (actor.kind === 'token') return actor.organisationId;
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  if (!organisationId?.trim()) {
    const code = 'signal_organisation';
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'organisation', message: code, code }] });
  }
  if (!isUuid(organisationId)) throw new AppError('FORBIDDEN');
  if (!(await findMembership(db, actor.userId, organisationId.toLowerCase())))
    throw new AppError('FORBIDDEN');
  return organisationId.toLowerCase();
}

/** Visitors' signals are the moderators' to publish or reject; to anyone else the queue does not exist. */
export function requireSignalModerator(actor: Actor): void {
  if (!isModerator(actor)) throw new AppError('NOT_FOUND');
}
