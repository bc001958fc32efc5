// The secret of a person's link, /{lang}/registrations/{token}: "<registration id>.<mac>", the MAC
// an HMAC of the id with a key derived from the key ring. The platform can write it again for every
// mail about the registration (the reminder, moving up, a date called off…), and nobody can make the
// link of another registration. It is made with the ring's current key and accepted with any key of
// the ring, so a rotation (docs/operations.md) breaks no link while its key is kept.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKeys, type KeyRing } from '../../../shared/field-encryption.ts';
import { isUuid } from '../../../shared/shapes.ts';

const purpose = 'event-registration-links';
const macLength = 32;

const mac = (key: Buffer, id: string) =>
  createHmac('sha256', key).update(id).digest('base64url').slice(0, macLength);

/** "<registration id>.<mac>", made with the ring's current key. */
export function registrationToken(keys: KeyRing, registrationId: string): string {
  const id = registrationId.toLowerCase();
  return `${id}.${mac(derivedKeys(keys, purpose)[0]!, id)}`;
}

/** Whether a token has the shape of one made by registrationToken (whether its MAC is right or not). */
export function hasRegistrationTokenShape(token: string): boolean {
  const [id = '', given = '', ...rest] = token.split('.');
  return rest.length === 0 && isUuid(id) && given.length === macLength && /^[A-Za-z0-9_-]+$/.test(given);
}

/** The registration a token is for, when a key of the ring made it; else null. */
export function registrationOfToken(keys: KeyRing, token: string): string | null {
  if (!hasRegistrationTokenShape(token)) return null;
  const [given, id] = [Buffer.from(token.split('.')[1]!), token.split('.')[0]!.toLowerCase()];
  let valid = false;
  // Every key is tried, whichever matches: the time taken tells nothing.
  for (const key of derivedKeys(keys, purpose))
    if (timingSafeEqual(given, Buffer.from(mac(key, id)))) valid = true;
  return valid ? id : null;
}
