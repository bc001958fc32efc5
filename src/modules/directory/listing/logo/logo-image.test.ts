import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.ts';
import { prepareLogo } from './logo-image.ts';

const codeOf = async (upload: Buffer) => {
  try {
    await prepareLogo(upload);
    return 'accepted';
  } catch (error) {
    return error instanceof AppError ? error.fields[0]?.code : String(error);
  }
};

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 200, g: 30, b: 60, alpha: 0.5 } } });

describe('logos', () => {
  it('are re-encoded in their own format, so bytes appended to a valid image are gone', async () => {
    const png = await solid(40, 20).png().toBuffer();
    const withPage = Buffer.concat([
      png,
      Buffer.from('<html><script>alert(document.cookie)</script></html>'),
    ]);
    const logo = await prepareLogo(withPage);
    expect(logo.contentType).toBe('image/png');
    expect(logo.data.toString('latin1')).not.toContain('<script>');
    expect(await sharp(logo.data).metadata()).toMatchObject({
      format: 'png',
      width: 40,
      height: 20,
      hasAlpha: true,
    });
  });

  it('lose their metadata, stand upright and are made no larger than a logo needs', async () => {
    // A 3000×1500 JPEG from a camera held sideways, with its EXIF orientation and a comment.
    const photo = await solid(3000, 1500)
      .jpeg()
      .withMetadata({
        orientation: 6,
        exif: { IFD0: { ImageDescription: 'Rue de la Loi 16, 1000 Bruxelles' } },
      })
      .toBuffer();
    const logo = await prepareLogo(photo);
    const meta = await sharp(logo.data).metadata();
    expect(logo.contentType).toBe('image/jpeg');
    expect(meta).toMatchObject({ format: 'jpeg', width: 512, height: 1024 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });

  it('keep WebP as WebP', async () => {
    const logo = await prepareLogo(await solid(10, 10).webp().toBuffer());
    expect(logo.contentType).toBe('image/webp');
  });

  it('refuse what is not a PNG, JPEG or WebP, whatever it is called', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await codeOf(svg)).toBe('logo_type');
    expect(await codeOf(await solid(10, 10).gif().toBuffer())).toBe('logo_type');
    expect(await codeOf(Buffer.from('%PDF-1.7\n'))).toBe('logo_type');
    expect(await codeOf(Buffer.alloc(0))).toBe('logo_missing');
  });

  it('refuse a damaged image and one that would unpack into too many pixels', async () => {
    const png = await solid(64, 64).png().toBuffer();
    expect(await codeOf(png.subarray(0, png.length - 40))).toBe('logo_unreadable');
    // 10,000 × 10,000 pixels of one colour: a few KB as PNG, 400 MB once decoded.
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(512 * 1024);
    expect(await codeOf(bomb)).toBe('logo_unreadable');
  });
});
