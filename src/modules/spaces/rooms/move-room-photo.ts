// Showing a photo of a room first (on its page, and in search results, which show only the first),
// by its room managers; the others keep their order after it.
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { SpaceContext } from '../space-context.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { photoIdsOf, setPhotoOrder } from './room-photos.repo.ts';
import { roomToManage } from './room-to-manage.ts';
import { lockRoom } from './rooms.repo.ts';

export async function moveRoomPhotoFirst(ctx: SpaceContext, roomId: string, photoId: string): Promise<void> {
  const room = await roomToManage(ctx, roomId);
  if (!isUuid(photoId)) throw new AppError('NOT_FOUND');
  const id = photoId.toLowerCase();
  await ctx.db.transaction(async (tx) => {
    // Locked, so two reorderings at once do not interleave their numbers.
    await lockRoom(tx, room.id);
    const ids = await photoIdsOf(tx, room.id);
    if (!ids.includes(id)) throw new AppError('NOT_FOUND');
    await setPhotoOrder(tx, room.id, [id, ...ids.filter((other) => other !== id)]);
    await auditSpaces(tx, ctx, 'room_photo_moved', { type: 'room', id: room.id }, { photo: id, position: 0 });
  });
}
