// Removing a photo of a room, by its room managers. The photo's address then answers "not found";
// copies browsers kept may stay in their caches.
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { SpaceContext } from '../space-context.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { deletePhoto } from './room-photos.repo.ts';
import { roomToManage } from './room-to-manage.ts';

export async function removeRoomPhoto(ctx: SpaceContext, roomId: string, photoId: string): Promise<void> {
  const room = await roomToManage(ctx, roomId);
  if (!isUuid(photoId)) throw new AppError('NOT_FOUND');
  const id = photoId.toLowerCase();
  await ctx.db.transaction(async (tx) => {
    if (!(await deletePhoto(tx, room.id, id))) throw new AppError('NOT_FOUND');
    await auditSpaces(tx, ctx, 'room_photo_removed', { type: 'room', id: room.id }, { photo: id });
  });
}
