// The secret part of an organisation's calendar address: calendar applications fetch feeds without
// logging in, so the address itself is the key. Derived from the key ring and the address's version
// (room_feed_keys): the rooms' managers make a new address when the old one went where it should
// not, and rotating the keys (npm run keys:rotate) changes every address. Version 0 is the address
// from before versions, so addresses already in calendars keep working.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKey, type KeyRing } from '../../../shared/field-encryption.ts';

export function feedToken(keys: KeyRing, organisationId: string, version: number): string {
  const id = organisationId.toLowerCase();
  return createHmac('sha256', derivedKey(keys, 'room-calendar-feeds'))
    .update(version ? `${id}:${version}` : id)
    .digest('base64url')
    .slice(0, 32);
}

export function isFeedToken(keys: KeyRing, organisationId: string, version: number, token: string): boolean {
  const expected = Buffer.from(feedToken(keys, organisationId, version));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Where an organisation's feed is, in a language. The token is in the query, which logs leave out. */
export function organisationFeedPath(
  keys: KeyRing,
  organisationId: string,
  locale: string,
  version: number,
): string {
  return `/calendars/organisations/${organisationId}/bookings.ics?token=${feedToken(keys, organisationId, version)}&lang=${locale}`;
}
