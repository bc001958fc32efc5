// A room's photos: the gallery on its public page, the thumbnail of search results, and the section
// of the room form where its managers add, order and remove them. Files are at /room-photos/{id}
// (?size=small: at most 480 px on the longest side); a photo id never changes its image.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { smallerSize } from '../../../shared/images.ts';
import { Section } from '../../../views/components.tsx';
import { formFields, type FormValues } from '../../../views/form-fields.tsx';
import { ErrorSummary, FieldError, Form, PostButton } from '../../../views/forms.tsx';
import type { RoomPhotoView } from '../presenters/page-data.ts';
import { roomPhotoLimits } from '../spaces.vocabulary.ts';

export const photoPath = (id: string, small = false) => `/room-photos/${id}${small ? '?size=small' : ''}`;
const smallSize = (photo: RoomPhotoView) => smallerSize(photo, roomPhotoLimits.smallSide);

/** Both files of a photo, for the browser to pick the one the screen needs. */
function sources(photo: RoomPhotoView) {
  const small = smallSize(photo);
  return small.width === photo.width
    ? { src: photoPath(photo.id) }
    : {
        src: photoPath(photo.id, true),
        srcset: `${photoPath(photo.id, true)} ${small.width}w, ${photoPath(photo.id)} ${photo.width}w`,
      };
}

/**
 * The public page's photos: the first large, the others smaller beside or under it, each a link to
 * the whole photo. The caption in the reader's language (or another when that is missing) is the
 * image's text; shown under it too, it is hidden from screen readers, which read it once.
 */
export function PhotoGallery({ ctx, photos }: { ctx: PageContext; photos: RoomPhotoView[] }) {
  if (!photos.length) return '';
  return (
    <ul class="room-photos" aria-label={ctx.t.t('spaces.photos.gallery')}>
      {photos.map((photo, i) => {
        const caption = pickText(photo.caption, ctx.locale);
        return (
          <li>
            <figure lang={caption?.fallback ? caption.lang : undefined}>
              <a
                href={photoPath(photo.id)}
                aria-label={caption ? undefined : ctx.t.t('spaces.photos.open', { n: i + 1 })}
              >
                <img
                  {...sources(photo)}
                  sizes={i === 0 ? '(min-width: 48rem) 24rem, 100vw' : '(min-width: 48rem) 12rem, 50vw'}
                  width={String(photo.width)}
                  height={String(photo.height)}
                  alt={caption?.text ?? ''}
                  loading="lazy"
                  decoding="async"
                />
              </a>
              {caption ? (
                <figcaption aria-hidden="true" safe>
                  {caption.text}
                </figcaption>
              ) : (
                ''
              )}
            </figure>
          </li>
        );
      })}
    </ul>
  );
}

/** The first photo, small, in a search result (the room's name says what it is). */
export function RoomThumbnail({ photo }: { photo: RoomPhotoView }) {
  const small = smallSize(photo);
  return (
    <img
      class="room-thumb"
      src={photoPath(photo.id, true)}
      width={String(small.width)}
      height={String(small.height)}
      alt=""
      loading="lazy"
      decoding="async"
    />
  );
}

/** On the room form: the photos in their order with their buttons, and the upload form. */
export function PhotosSection({
  ctx,
  roomId,
  photos,
  values = {},
  problems = [],
}: {
  ctx: PageContext;
  roomId: string;
  photos: RoomPhotoView[];
  values?: FormValues;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const f = formFields(ctx, { values, problems });
  const base = `/${ctx.locale}/manage/rooms/${roomId}/photos`;
  const max = roomPhotoLimits.perRoom;
  const full = photos.length >= max;
  const fileProblem = problems.find((p) => p.field === 'photo');
  return (
    <Section id="photos" title={t.t('spaces.photos.title')}>
      {photos.length ? (
        <>
          <p>{t.html('spaces.photos.count', { count: photos.length, max })}</p>
          <ol class="photo-list">
            {photos.map((photo, i) => {
              const caption = pickText(photo.caption, ctx.locale);
              const small = smallSize(photo);
              return (
                <li>
                  <img
                    src={photoPath(photo.id, true)}
                    width={String(small.width)}
                    height={String(small.height)}
                    alt=""
                  />
                  {caption ? (
                    <p lang={caption.fallback ? caption.lang : undefined} safe>
                      {caption.text}
                    </p>
                  ) : (
                    <p class="muted">{t.html('spaces.photos.no_caption')}</p>
                  )}
                  <p class="photo-actions">
                    {i === 0 ? (
                      <strong>{t.html('spaces.photos.first')}</strong>
                    ) : (
                      <PostButton
                        ctx={ctx}
                        action={`${base}/${photo.id}/first`}
                        label={t.t('spaces.photos.make_first')}
                        ariaLabel={t.t('spaces.photos.make_first_label', { n: i + 1 })}
                      />
                    )}{' '}
                    <PostButton
                      ctx={ctx}
                      action={`${base}/${photo.id}/delete`}
                      label={t.t('spaces.photos.remove')}
                      ariaLabel={t.t('spaces.photos.remove_label', { n: i + 1 })}
                    />
                  </p>
                </li>
              );
            })}
          </ol>
        </>
      ) : (
        <p class="empty">{t.html('spaces.photos.none')}</p>
      )}
      {full ? (
        <>
          <ErrorSummary ctx={ctx} problems={problems} />
          <p>{t.html('spaces.photos.full', { max })}</p>
        </>
      ) : (
        <Form ctx={ctx} action={base} submit={t.t('spaces.photos.add')} problems={problems} upload wide>
          <div class="field">
            <label for="f-photo">{t.html('spaces.photos.file')}</label>
            <p class="hint" id="f-photo-hint">
              {t.html('spaces.photos.file_hint')}
            </p>
            <FieldError ctx={ctx} id="f-photo" problem={fileProblem} />
            <input
              id="f-photo"
              name="photo"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-invalid={fileProblem ? 'true' : undefined}
              aria-describedby={fileProblem ? 'f-photo-hint f-photo-error' : 'f-photo-hint'}
            />
          </div>
          {f.inLanguages('caption', t.t('spaces.photos.caption'), {
            maxlength: roomPhotoLimits.captionLength,
            hint: t.t('spaces.photos.caption_hint'),
          })}
        </Form>
      )}
    </Section>
  );
}
