// The room a change is about, for its organisation's room managers only: to anyone else, and for an
// id that is not one, it is "not found".
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { SpaceContext } from '../space-context.ts';
import { requireRoomManager } from '../spaces.policy.ts';
import { findRoom, type RoomRow } from './rooms.repo.ts';

export async function roomToManage(ctx: SpaceContext, roomId: string): Promise<RoomRow> {
  const room = isUuid(roomId) ? await findRoom(ctx.db, roomId.toLowerCase()) : undefined;
  if (!room) throw new AppError('ROOM_NOT_FOUND');
  await requireRoomManager(ctx.db, ctx.actor, room.organisationId).catch(() => {
    throw new AppError('ROOM_NOT_FOUND');
  });
  return room;
}
