// A photo's file to serve, or its small copy (at most 480 px on the longest side) for lists and
// phones. Small copies are made on request, which costs tens of milliseconds each, so the process
// keeps the latest few hundred: a photo id never gets another image, and a cached copy is served
// only while its photo still exists.
import type { Executor } from '../../../db/client.ts';
import { smallerImage } from '../../../shared/images.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { roomPhotoLimits } from '../spaces.vocabulary.ts';
import { findPhotoFile, photoExists } from './room-photos.repo.ts';

type PhotoFile = { contentType: string; data: Buffer };

/** About 300 × 10–60 KB: a few MB at most. */
const cachedSmallCopies = 300;
const smallCopies = new Map<string, PhotoFile>();

export async function roomPhotoFile(
  db: Executor,
  photoId: string,
  { small }: { small: boolean },
): Promise<PhotoFile | undefined> {
  if (!isUuid(photoId)) return undefined;
  const id = photoId.toLowerCase();
  if (!small) return findPhotoFile(db, id);
  const cached = smallCopies.get(id);
  if (cached) {
    smallCopies.delete(id);
    if (!(await photoExists(db, id))) return undefined;
    smallCopies.set(id, cached);
    return cached;
  }
  const file = await findPhotoFile(db, id);
  if (!file) return undefined;
  const copy = { contentType: file.contentType, data: await smallerImage(file, roomPhotoLimits.smallSide) };
  smallCopies.set(id, copy);
  // The least recently served goes first (a Map keeps the order of insertion).
  if (smallCopies.size > cachedSmallCopies) smallCopies.delete(smallCopies.keys().next().value!);
  return copy;
}
