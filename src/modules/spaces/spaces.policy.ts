// Who may do what with rooms and bookings. A room and its requests are its organisation's editors'
// and admins' (or an integration with the organisation's token); a booking is also the asking
// organisation's, whose members may cancel it. To anyone else they do not exist ("not found").
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { isUuid } from '../../shared/shapes.ts';
import { findMembership, type MembershipRow } from '../access/index.ts';
import type { SpaceActor } from './space-context.ts';

/** Whether a membership lets its person manage the organisation's rooms. */
export const editsRooms = (membership: MembershipRow | undefined) =>
  membership?.roles.some((r) => r === 'admin' || r === 'editor') ?? false;

/** Whether the actor manages the rooms of this organisation (publishes them, decides requests). */
export async function managesRooms(
  db: Executor,
  actor: SpaceActor,
  organisationId: string,
): Promise<boolean> {
  if (actor.kind === 'token') return actor.organisationId === organisationId;
  return editsRooms(await findMembership(db, actor.userId, organisationId));
}

/** Refuses, as "not found", anyone who does not manage this organisation's rooms. */
export async function requireRoomManager(
  db: Executor,
  actor: SpaceActor,
  organisationId: string,
): Promise<void> {
  if (!isUuid(organisationId) || !(await managesRooms(db, actor, organisationId.toLowerCase())))
    throw new AppError('ORGANISATION_NOT_FOUND');
}

/** Whether the actor acts for this organisation at all (any member, or its token): it may ask and cancel. */
export async function actsFor(db: Executor, actor: SpaceActor, organisationId: string): Promise<boolean> {
  if (actor.kind === 'token') return actor.organisationId === organisationId;
  return (await findMembership(db, actor.userId, organisationId)) !== undefined;
}
