// A logo as uploaded: checked, decoded and encoded again by the shared image checker
// (src/shared/images.ts), at most 512 KB and made no larger than a logo needs.
import { type PreparedImage, prepareImage } from '../../../../shared/images.ts';

export const logoMaxBytes = 512 * 1024;
/** The longest side of a stored logo; pages show them far smaller. */
const logoMaxSide = 1024;

export type LogoImage = PreparedImage;

/** The uploaded bytes checked, decoded and re-encoded in their own format; throws a field error. */
export function prepareLogo(upload: Buffer): Promise<LogoImage> {
  return prepareImage(upload, {
    field: 'logo',
    maxBytes: logoMaxBytes,
    maxSide: logoMaxSide,
    codes: {
      missing: 'logo_missing',
      tooBig: 'logo_too_big',
      type: 'logo_type',
      unreadable: 'logo_unreadable',
    },
  });
}
