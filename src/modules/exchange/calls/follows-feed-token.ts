// The secret part of the address of an organisation's feed of the calls it follows: calendar
// applications fetch feeds without logging in, so the address itself is the key (which calls an
// organisation follows says what it plans, so it is not public). Derived from the key ring: rotating
// the keys (npm run keys:rotate) changes every address.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKey, type KeyRing } from '../../../shared/field-encryption.ts';

export function followsFeedToken(keys: KeyRing, organisationId: string): string {
  return createHmac('sha256', derivedKey(keys, 'exchange-call-feeds'))
    .update(organisationId.toLowerCase())
    .digest('base64url')
    .slice(0, 32);
}

export function isFollowsFeedToken(keys: KeyRing, organisationId: string, token: string): boolean {
  const expected = Buffer.from(followsFeedToken(keys, organisationId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Where an organisation's feed of followed calls is, in a language (the token in the query, which logs leave out). */
export const followsFeedPath = (keys: KeyRing, organisationId: string, locale: string) =>
  `/${locale}/exchange/calls/organisations/${organisationId.toLowerCase()}/followed.ics?token=${followsFeedToken(keys, organisationId)}`;
