// A visitor's progress in one path, kept in their browser: a cookie per path, "<card key or
// ->.<when finished, ms, or ->.<mac>", the MAC an HMAC of the path's id and that value with a key
// derived from the key ring. A cookie of one path cannot be used for another, nor changed by hand;
// anything else reads as no progress. The server stores nothing of it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKeys, type KeyRing } from '../../../shared/field-encryption.ts';
import type { Progress } from './progress.ts';

const purpose = 'learning-progress';
const mac = (key: Buffer, pathId: string, value: string) =>
  createHmac('sha256', key).update(`${pathId}|${value}`).digest('base64url').slice(0, 32);

/** The cookie's name for a path: its id without dashes. */
export const progressCookieName = (pathId: string) => `learn_${pathId.replaceAll('-', '')}`;

export function progressCookie(keys: KeyRing, pathId: string, progress: Progress): string {
  const value = `${progress.cardKey ?? '-'}.${progress.completedAt?.getTime() ?? '-'}`;
  return `${value}.${mac(derivedKeys(keys, purpose)[0]!, pathId, value)}`;
}

export function progressOfCookie(keys: KeyRing, pathId: string, cookie: string | undefined): Progress | null {
  const match = /^(k[0-9a-f]{10}|-)\.(\d{1,15}|-)\.([A-Za-z0-9_-]{32})$/.exec(cookie ?? '');
  if (!match) return null;
  const value = `${match[1]}.${match[2]}`;
  let valid = false;
  for (const key of derivedKeys(keys, purpose))
    if (timingSafeEqual(Buffer.from(match[3]!), Buffer.from(mac(key, pathId, value)))) valid = true;
  if (!valid) return null;
  return {
    cardKey: match[1] === '-' ? null : match[1]!,
    completedAt: match[2] === '-' ? null : new Date(Number(match[2])),
  };
}
