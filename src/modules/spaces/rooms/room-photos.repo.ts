// Rooms' photos: what is written and read. The bytes are read only to serve one photo; lists of
// rooms read the photos' sizes and captions. No rules here (see the use cases).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { PreparedImage } from '../../../shared/images.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { roomPhotos } from '../spaces.schema.ts';

const order = [asc(roomPhotos.position), asc(roomPhotos.createdAt), asc(roomPhotos.id)];

/** The room's photos' ids in their order. */
export async function photoIdsOf(db: Executor, roomId: string): Promise<string[]> {
  const rows = await db
    .select({ id: roomPhotos.id })
    .from(roomPhotos)
    .where(eq(roomPhotos.roomId, roomId))
    .orderBy(...order);
  return rows.map((r) => r.id);
}

/** A photo after the room's others. */
export async function insertPhoto(
  tx: Executor,
  roomId: string,
  image: PreparedImage & { smallData: Buffer; caption: I18nText; createdBy: string | null; now: Date },
): Promise<string> {
  const { data, smallData, contentType, width, height, caption, createdBy, now } = image;
  const [row] = await tx
    .insert(roomPhotos)
    .values({
      roomId,
      data,
      smallData,
      contentType,
      width,
      height,
      caption,
      createdBy,
      createdAt: now,
      position: sql`(select coalesce(max(${roomPhotos.position}) + 1, 0) from ${roomPhotos} where ${roomPhotos.roomId} = ${roomId})`,
    })
    .returning({ id: roomPhotos.id });
  return row!.id;
}

export async function deletePhoto(tx: Executor, roomId: string, id: string): Promise<boolean> {
  const deleted = await tx
    .delete(roomPhotos)
    .where(and(eq(roomPhotos.id, id), eq(roomPhotos.roomId, roomId)))
    .returning({ id: roomPhotos.id });
  return deleted.length > 0;
}

/** The photos numbered 0, 1, 2… in this order. */
export async function setPhotoOrder(tx: Executor, roomId: string, ids: string[]): Promise<void> {
  for (const [position, id] of ids.entries())
    await tx
      .update(roomPhotos)
      .set({ position })
      .where(and(eq(roomPhotos.id, id), eq(roomPhotos.roomId, roomId)));
}

export interface PhotoSummary {
  id: string;
  roomId: string;
  width: number;
  height: number;
  caption: I18nText;
}

/** The photos of these rooms in their order, without their bytes: one query for them all. */
export async function findPhotoSummaries(db: Executor, roomIds: string[]): Promise<PhotoSummary[]> {
  if (!roomIds.length) return [];
  return db
    .select({
      id: roomPhotos.id,
      roomId: roomPhotos.roomId,
      width: roomPhotos.width,
      height: roomPhotos.height,
      caption: roomPhotos.caption,
    })
    .from(roomPhotos)
    .where(inArray(roomPhotos.roomId, roomIds))
    .orderBy(...order);
}

/** One photo's bytes to serve, or those of its small copy. */
export async function findPhotoFile(
  db: Executor,
  id: string,
  { small }: { small: boolean },
): Promise<{ contentType: string; data: Buffer } | undefined> {
  const [row] = await db
    .select({ contentType: roomPhotos.contentType, data: small ? roomPhotos.smallData : roomPhotos.data })
    .from(roomPhotos)
    .where(eq(roomPhotos.id, id));
  return row;
}
