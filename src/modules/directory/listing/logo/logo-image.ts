// A logo as uploaded is never served as is: it is decoded and encoded again by sharp (libvips), so
// what the site serves is only the image. Bytes appended to a valid PNG (an HTML page, a script)
// and metadata (camera, location) are gone, and the image is turned upright and made no larger than
// a logo needs. Decoding has limits on pixels, so a small file that unpacks into a huge image is
// refused rather than filling the memory.
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../../../../shared/errors.ts';

export const logoMaxBytes = 512 * 1024;
/** The longest side of a stored logo; pages show them far smaller. */
const logoMaxSide = 1024;
/** 40 megapixels: any real photo or scan, not a decompression bomb. */
const maxInputPixels = 40_000_000;

const formats = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const;
type Format = keyof typeof formats;

export interface LogoImage {
  data: Buffer;
  contentType: (typeof formats)[Format];
}

const refused = (message: string, code: string) =>
  new AppError('VALIDATION_FAILED', { fields: [{ field: 'logo', message, code }] });

/** The uploaded bytes checked, decoded and re-encoded in their own format; throws a field error. */
export async function prepareLogo(upload: Buffer): Promise<LogoImage> {
  if (!upload.length) throw refused('is empty', 'logo_missing');
  if (upload.length > logoMaxBytes) throw refused('is too big', 'logo_too_big');
  // Recognised by its bytes, not by the name or the type the browser claims. SVG, which sharp could
  // read, never gets this far: it can carry scripts.
  const detected = await fileTypeFromBuffer(upload);
  const format = Object.entries(formats).find(([, mime]) => mime === detected?.mime)?.[0] as
    Format | undefined;
  if (!format) throw refused('is not PNG, JPEG or WebP', 'logo_type');
  try {
    const image = sharp(upload, { limitInputPixels: maxInputPixels, failOn: 'error' });
    const { format: decoded, isPalette } = await image.metadata();
    if (decoded !== format) throw refused('is not PNG, JPEG or WebP', 'logo_type');
    const resized = image
      .rotate()
      .resize({ width: logoMaxSide, height: logoMaxSide, fit: 'inside', withoutEnlargement: true });
    const encoded =
      format === 'png'
        ? resized.png({ compressionLevel: 9, palette: isPalette })
        : format === 'jpeg'
          ? resized.jpeg({ quality: 85, mozjpeg: true })
          : resized.webp({ quality: 85 });
    const data = await encoded.toBuffer();
    // Re-encoding rarely grows a file; a logo that would still be large after it is refused.
    if (data.length > logoMaxBytes) throw refused('is too big', 'logo_too_big');
    return { data, contentType: formats[format] };
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Damaged, truncated or too many pixels: libvips says which, the person needs a plain reason.
    throw refused(`cannot be read: ${(error as Error).message}`.slice(0, 200), 'logo_unreadable');
  }
}
