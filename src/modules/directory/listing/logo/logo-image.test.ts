// Logos through the shared image checker (src/shared/images.test.ts tests it in full): their own
// codes, whose messages say the logo's limits, and their own size.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.ts';
import { prepareLogo } from './logo-image.ts';

const codeOf = async (upload: Buffer) => {
  try {
    await prepareLogo(upload);
    return 'accepted';
  } catch (error) {
    return error instanceof AppError ? `${error.fields[0]?.field}: ${error.fields[0]?.code}` : String(error);
  }
};

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 200, g: 30, b: 60, alpha: 0.5 } } });

describe('logos', () => {
  it('are made at most 1,024 px on the long side, upright and without metadata', async () => {
    const photo = await solid(3000, 1500)
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { ImageDescription: 'Rue de la Loi 16' } } })
      .toBuffer();
    const logo = await prepareLogo(photo);
    expect(logo).toMatchObject({ contentType: 'image/jpeg', width: 512, height: 1024 });
    const meta = await sharp(logo.data).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 512, height: 1024 });
    expect(meta.exif).toBeUndefined();
  });

  it('are refused with the logo’s own codes', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await codeOf(svg)).toBe('logo: logo_type');
    expect(await codeOf(Buffer.alloc(0))).toBe('logo: logo_missing');
    const png = await solid(64, 64).png().toBuffer();
    expect(await codeOf(Buffer.concat([png, Buffer.alloc(512 * 1024)]))).toBe('logo: logo_too_big');
    expect(await codeOf(png.subarray(0, png.length - 40))).toBe('logo: logo_unreadable');
    expect(await codeOf(png)).toBe('accepted');
  });
});
