// The secret part of an organisation's calendar address: calendar applications fetch feeds without
// logging in, so the address itself is the key. Derived from the key ring (no table to keep), the
// same for every process; rotating the keys (npm run keys:rotate) changes every address.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKey, type KeyRing } from '../../../shared/field-encryption.ts';

export function feedToken(keys: KeyRing, organisationId: string): string {
  return createHmac('sha256', derivedKey(keys, 'room-calendar-feeds'))
    .update(organisationId.toLowerCase())
    .digest('base64url')
    .slice(0, 32);
}

export function isFeedToken(keys: KeyRing, organisationId: string, token: string): boolean {
  const expected = Buffer.from(feedToken(keys, organisationId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Where an organisation's feed is, in a language. The token is in the query, which logs leave out. */
export function organisationFeedPath(keys: KeyRing, organisationId: string, locale: string): string {
  return `/calendars/organisations/${organisationId}/bookings.ics?token=${feedToken(keys, organisationId)}&lang=${locale}`;
}
