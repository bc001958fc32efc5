// Who may see an event's registrations: its organisation's editors and admins. To anyone else
// (moderators and platform admins too: the list holds names and addresses) the event does not exist.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { findMembership, findMembershipsOfUser } from '../../access/index.ts';
import { findEvent } from './registrations.repo.ts';

/** The event, if the actor organises it (edits or administers its organisation); else EVENT_NOT_FOUND. */
export async function requireOrganiser(db: Executor, actor: Actor, eventId: string) {
  const event = isUuid(eventId) ? await findEvent(db, eventId.toLowerCase()) : undefined;
  const membership = event && (await findMembership(db, actor.userId, event.organisationId));
  if (!event || !membership?.roles.some((r) => r === 'admin' || r === 'editor'))
    throw new AppError('EVENT_NOT_FOUND');
  return event;
}

/** Whether someone may register for an event open to members of organisations only. */
export async function isMemberOfSome(db: Executor, actor: Actor | null): Promise<boolean> {
  return actor !== null && (await findMembershipsOfUser(db, actor.userId)).length > 0;
}
