// An uploaded image (a logo, a room's photo) is never served as is: it is decoded and encoded again
// by sharp (libvips), so what the site serves is only the image. Bytes appended to a valid PNG (an
// HTML page, a script) and metadata (camera, location) are gone, and the image is turned upright and
// made no larger than its use needs. Decoding has limits on pixels, so a small file that unpacks into
// a huge image is refused rather than filling the memory. Each use names its field, its limits and
// the codes of its refusals (their messages are `fields.<code>`, which say the limits in words).
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Sharp } from 'sharp';
import { AppError } from './errors.ts';

/** 40 megapixels: any real photo or scan, not a decompression bomb. */
const maxInputPixels = 40_000_000;

const formats = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const;
type Format = keyof typeof formats;
export type ImageType = (typeof formats)[Format];

export interface PreparedImage {
  data: Buffer;
  contentType: ImageType;
  /** Pixels of the image as stored (upright, after any resizing). */
  width: number;
  height: number;
}

export interface ImageRules {
  /** The form field the refusals are about. */
  field: string;
  /** The most an upload may weigh, and the stored image too. */
  maxBytes: number;
  /** The longest side kept; larger images are made smaller. */
  maxSide: number;
  /** The refusals' codes: an empty upload, too many bytes, not PNG/JPEG/WebP, not decodable. */
  codes: { missing: string; tooBig: string; type: string; unreadable: string };
}

const formatOf = (mime: string | undefined) =>
  Object.entries(formats).find(([, type]) => type === mime)?.[0] as Format | undefined;

/**
 * Image work one at a time in the process: decoding a large photo can take a few hundred MB for a
 * moment, and a handful of uploads at once must not take the memory of a small server.
 */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = queue.then(work, work);
  queue = turn.catch(() => undefined);
  return turn;
}

/** The uploaded bytes checked, decoded and re-encoded in their own format; throws a field error. */
export function prepareImage(upload: Buffer, rules: ImageRules): Promise<PreparedImage> {
  return oneAtATime(() => prepare(upload, rules));
}

async function prepare(upload: Buffer, rules: ImageRules): Promise<PreparedImage> {
  const { field, maxBytes, maxSide, codes } = rules;
  const refused = (message: string, code: string) =>
    new AppError('VALIDATION_FAILED', { fields: [{ field, message, code }] });
  if (!upload.length) throw refused('is empty', codes.missing);
  if (upload.length > maxBytes) throw refused('is too big', codes.tooBig);
  // Recognised by its bytes, not by the name or the type the browser claims. SVG, which sharp could
  // read, never gets this far: it can carry scripts.
  const format = formatOf((await fileTypeFromBuffer(upload))?.mime);
  if (!format) throw refused('is not PNG, JPEG or WebP', codes.type);
  try {
    const image = sharp(upload, { limitInputPixels: maxInputPixels, failOn: 'error' });
    const { format: decoded, isPalette } = await image.metadata();
    if (decoded !== format) throw refused('is not PNG, JPEG or WebP', codes.type);
    const resized = image
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await encode(resized, format, isPalette).toBuffer({ resolveWithObject: true });
    // Re-encoding rarely grows a file; an image that would still be too large after it is refused.
    if (data.length > maxBytes) throw refused('is too big', codes.tooBig);
    return { data, contentType: formats[format], width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Damaged, truncated or too many pixels: libvips says which, the person needs a plain reason.
    throw refused(`cannot be read: ${(error as Error).message}`.slice(0, 200), codes.unreadable);
  }
}

function encode(image: Sharp, format: Format, palette = false): Sharp {
  if (format === 'png') return image.png({ compressionLevel: 9, palette });
  if (format === 'jpeg') return image.jpeg({ quality: 85, mozjpeg: true });
  return image.webp({ quality: 85 });
}

/**
 * A smaller copy of a stored image (one prepared above), at most `maxSide` on its longest side, in
 * its own format: for lists and small screens that show many images at once.
 */
export function smallerImage(image: { data: Buffer; contentType: string }, maxSide: number): Promise<Buffer> {
  return oneAtATime(async () => {
    const format = formatOf(image.contentType) ?? 'jpeg';
    const source = sharp(image.data, { limitInputPixels: maxInputPixels });
    const { isPalette } = await source.metadata();
    const small = source.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
    return encode(small, format, isPalette).toBuffer();
  });
}

/** The size `smallerImage` gives an image of this size. */
export function smallerSize(size: { width: number; height: number }, maxSide: number) {
  const scale = Math.min(1, maxSide / Math.max(size.width, size.height));
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}
