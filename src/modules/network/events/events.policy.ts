// Who may publish and change an organisation's events: its editors and admins. To anyone else an
// event to manage does not exist ("not found"), and an organisation's events page neither.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { findMembership, type MembershipRow } from '../../access/index.ts';

/** Whether a membership lets its person manage the organisation's events. */
export const editsEvents = (membership: MembershipRow | undefined) =>
  membership?.roles.some((r) => r === 'admin' || r === 'editor') ?? false;

export async function managesEvents(db: Executor, actor: Actor, organisationId: string): Promise<boolean> {
  return editsEvents(await findMembership(db, actor.userId, organisationId));
}

/** Refuses, as "not found", anyone who does not manage this organisation's events. */
export async function requireEventEditor(
  db: Executor,
  actor: Actor,
  organisationId: string,
): Promise<string> {
  const id = organisationId.toLowerCase();
  if (!isUuid(id) || !(await managesEvents(db, actor, id))) throw new AppError('ORGANISATION_NOT_FOUND');
  return id;
}
