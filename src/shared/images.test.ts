import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { type ImageRules, prepareImage, smallerImage, smallerSize } from './images.ts';

const rules: ImageRules = {
  field: 'picture',
  maxBytes: 512 * 1024,
  maxSide: 800,
  codes: { missing: 'p_missing', tooBig: 'p_too_big', type: 'p_type', unreadable: 'p_unreadable' },
};

/** The refusal's field and code, or "accepted". */
const outcomeOf = async (upload: Buffer, with_: Partial<ImageRules> = {}) => {
  try {
    await prepareImage(upload, { ...rules, ...with_ });
    return 'accepted';
  } catch (error) {
    if (!(error instanceof AppError)) return String(error);
    expect(error.code).toBe('VALIDATION_FAILED');
    return `${error.fields[0]?.field}: ${error.fields[0]?.code}`;
  }
};

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 200, g: 30, b: 60, alpha: 0.5 } } });

describe('uploaded images', () => {
  it('are re-encoded in their own format, so bytes appended to a valid image are gone', async () => {
    const png = await solid(40, 20).png().toBuffer();
    const withPage = Buffer.concat([
      png,
      Buffer.from('<html><script>alert(document.cookie)</script></html>'),
    ]);
    const image = await prepareImage(withPage, rules);
    expect(image).toMatchObject({ contentType: 'image/png', width: 40, height: 20 });
    expect(image.data.toString('latin1')).not.toContain('<script>');
    expect(await sharp(image.data).metadata()).toMatchObject({
      format: 'png',
      width: 40,
      height: 20,
      hasAlpha: true,
    });
  });

  it('lose their metadata, stand upright, are made no larger than asked, and say their size', async () => {
    // A 3000×1500 JPEG from a camera held sideways, with its EXIF orientation and a comment.
    const photo = await solid(3000, 1500)
      .jpeg()
      .withMetadata({
        orientation: 6,
        exif: { IFD0: { ImageDescription: 'Rue de la Loi 16, 1000 Bruxelles' } },
      })
      .toBuffer();
    const image = await prepareImage(photo, rules);
    const meta = await sharp(image.data).metadata();
    expect(image).toMatchObject({ contentType: 'image/jpeg', width: 400, height: 800 });
    expect(meta).toMatchObject({ format: 'jpeg', width: 400, height: 800 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(image.data.toString('latin1')).not.toContain('Rue de la Loi');
    // A smaller one keeps its size: never made larger.
    expect(await prepareImage(await solid(300, 200).jpeg().toBuffer(), rules)).toMatchObject({
      width: 300,
      height: 200,
    });
  });

  it('keep WebP as WebP', async () => {
    const image = await prepareImage(await solid(10, 12).webp().toBuffer(), rules);
    expect(image).toMatchObject({ contentType: 'image/webp', width: 10, height: 12 });
  });

  it('refuse what is not a PNG, JPEG or WebP, whatever it is called, with the field and code asked for', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await outcomeOf(svg)).toBe('picture: p_type');
    expect(await outcomeOf(await solid(10, 10).gif().toBuffer())).toBe('picture: p_type');
    expect(await outcomeOf(Buffer.from('%PDF-1.7\n'))).toBe('picture: p_type');
    expect(await outcomeOf(Buffer.from('just some text, not an image at all'))).toBe('picture: p_type');
    expect(await outcomeOf(Buffer.alloc(0))).toBe('picture: p_missing');
  });

  it('refuse a file over the limit before decoding it', async () => {
    const png = await solid(20, 20).png().toBuffer();
    expect(await outcomeOf(png, { maxBytes: png.length - 1 })).toBe('picture: p_too_big');
    expect(await outcomeOf(png, { maxBytes: png.length })).toBe('accepted');
    expect(await outcomeOf(Buffer.concat([png, Buffer.alloc(600 * 1024)]))).toBe('picture: p_too_big');
  });

  it('refuse a damaged image and one that would unpack into too many pixels', async () => {
    const png = await solid(64, 64).png().toBuffer();
    expect(await outcomeOf(png.subarray(0, png.length - 40))).toBe('picture: p_unreadable');
    const jpeg = await solid(64, 64).jpeg().toBuffer();
    expect(await outcomeOf(jpeg.subarray(0, jpeg.length / 2))).toBe('picture: p_unreadable');
    // 10,000 × 10,000 pixels of one colour: a few KB as PNG, 400 MB once decoded.
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(512 * 1024);
    expect(await outcomeOf(bomb)).toBe('picture: p_unreadable');
  });

  it('give smaller copies of the size they say, in their own format', async () => {
    for (const [width, height] of [
      [1600, 900],
      [333, 1000],
      [300, 200],
    ] as const) {
      const image = await prepareImage(await solid(width, height).jpeg().toBuffer(), {
        ...rules,
        maxSide: 1600,
      });
      const small = await smallerImage(image, 480);
      expect(await sharp(small).metadata()).toMatchObject({ format: 'jpeg', ...smallerSize(image, 480) });
    }
    expect(smallerSize({ width: 1600, height: 900 }, 480)).toEqual({ width: 480, height: 270 });
    expect(smallerSize({ width: 300, height: 200 }, 480)).toEqual({ width: 300, height: 200 });
  });
});
