// A photo of a room, by its room managers, with an optional caption in each language (the photo's
// text for those who cannot see it). The image is checked, decoded and encoded again
// (src/shared/images.ts) after the permission check and outside the transaction, so image work holds
// no database connection; the transaction locks the room, so two uploads at once cannot pass the
// limit of photos together.
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { cleanText, type I18nText, locales } from '../../../shared/i18n-text.ts';
import { type PreparedImage, prepareImage, smallerImage } from '../../../shared/images.ts';
import type { SpaceContext } from '../space-context.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { roomPhotoLimits } from '../spaces.vocabulary.ts';
import { insertPhoto, photoIdsOf } from './room-photos.repo.ts';
import { roomToManage } from './room-to-manage.ts';
import { lockRoom } from './rooms.repo.ts';

const full = (): FieldProblem => ({ field: 'photo', message: 'photo_limit', code: 'photo_limit' });

export async function addRoomPhoto(
  ctx: SpaceContext,
  roomId: string,
  input: { upload: Buffer; caption: I18nText },
): Promise<{ id: string }> {
  const room = await roomToManage(ctx, roomId);
  const problems: FieldProblem[] = [];
  const caption = cleanText(input.caption);
  for (const l of locales)
    if ((caption[l] ?? '').length > roomPhotoLimits.captionLength)
      problems.push({ field: `caption.${l}`, message: 'too_long_200', code: 'too_long_200' });
  // A full room is said at once, without decoding the image first.
  if ((await photoIdsOf(ctx.db, room.id)).length >= roomPhotoLimits.perRoom)
    throw new AppError('VALIDATION_FAILED', { fields: [full(), ...problems] });
  let image: PreparedImage | undefined;
  try {
    image = await prepareImage(input.upload, {
      field: 'photo',
      maxBytes: roomPhotoLimits.maxBytes,
      maxSide: roomPhotoLimits.maxSide,
      codes: {
        missing: 'photo_missing',
        tooBig: 'photo_too_big',
        type: 'photo_type',
        unreadable: 'photo_unreadable',
      },
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
    problems.unshift(...error.fields);
  }
  if (problems.length || !image) throw new AppError('VALIDATION_FAILED', { fields: problems });
  const prepared = image;
  // The copy for lists and phones, made once here rather than on each request.
  const smallData = await smallerImage(prepared, roomPhotoLimits.smallSide);

  return ctx.db.transaction(async (tx) => {
    await lockRoom(tx, room.id);
    if ((await photoIdsOf(tx, room.id)).length >= roomPhotoLimits.perRoom)
      throw new AppError('VALIDATION_FAILED', { fields: [full()] });
    const id = await insertPhoto(tx, room.id, {
      ...prepared,
      smallData,
      caption,
      createdBy: ctx.actor.kind === 'person' ? ctx.actor.userId : null,
      now: ctx.now,
    });
    await auditSpaces(
      tx,
      ctx,
      'room_photo_added',
      { type: 'room', id: room.id },
      {
        photo: id,
        contentType: prepared.contentType,
        bytes: prepared.data.length,
        width: prepared.width,
        height: prepared.height,
      },
    );
    return { id };
  });
}
