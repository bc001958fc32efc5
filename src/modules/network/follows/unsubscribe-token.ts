// The one link in every digest that stops it without logging in: the reader's id and an HMAC of it
// with a key derived from the key ring (as the calendar feeds' addresses are), so nobody can make
// the link of someone else. Rotating the keys (npm run keys:rotate) changes every link.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKey, type KeyRing } from '../../../shared/field-encryption.ts';
import { isUuid } from '../../../shared/shapes.ts';

const mac = (keys: KeyRing, userId: string) =>
  createHmac('sha256', derivedKey(keys, 'follow-digest-unsubscribe'))
    .update(userId)
    .digest('base64url')
    .slice(0, 32);

/** "<user id>.<mac>": what the digest's unsubscribe link carries. */
export function unsubscribeToken(keys: KeyRing, userId: string): string {
  const id = userId.toLowerCase();
  return `${id}.${mac(keys, id)}`;
}

/** The reader a token is for, or null when it is not one this platform made. */
export function readerOfToken(keys: KeyRing, token: string): string | null {
  const [id = '', given = '', ...rest] = token.split('.');
  if (rest.length || !isUuid(id)) return null;
  const expected = Buffer.from(mac(keys, id.toLowerCase()));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? id.toLowerCase() : null;
}

/** The confirm page's path, after the language: a person's link, which asks before it acts. */
export const unsubscribePath = (token: string) => `/follows/unsubscribe?token=${token}`;

/** The path mail programs POST to when the reader presses their unsubscribe button (RFC 8058). */
export const oneClickUnsubscribePath = (token: string) => `/follows/unsubscribe/one-click?token=${token}`;
