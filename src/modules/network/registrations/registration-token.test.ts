import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateKey, parseKeyRing } from '../../../shared/field-encryption.ts';
import { newToken } from '../../../shared/tokens.ts';
import { hasRegistrationTokenShape, registrationOfToken, registrationToken } from './registration-token.ts';

const [oldKey, newKey] = [generateKey('2026a'), generateKey('2027a')];
const keys = parseKeyRing(oldKey);

describe('the secret of a person’s link', () => {
  it('is the registration’s id and a MAC, made again the same for the same id, and read back', () => {
    const id = randomUUID();
    const token = registrationToken(keys, id);
    expect(token).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}$/);
    expect(token.startsWith(`${id}.`)).toBe(true);
    expect(registrationToken(keys, id.toUpperCase())).toBe(token);
    expect(hasRegistrationTokenShape(token)).toBe(true);
    expect(registrationOfToken(keys, token)).toBe(id);
    // The id in capitals (as a mail client may rewrite it) is the same registration.
    expect(registrationOfToken(keys, token.replace(id, id.toUpperCase()))).toBe(id);
  });

  it('refuses a changed MAC, the MAC of another id, and another installation’s token', () => {
    const [id, other] = [randomUUID(), randomUUID()];
    const token = registrationToken(keys, id);
    const mac = token.split('.')[1]!;
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    expect(registrationOfToken(keys, `${id}.${flipped}`)).toBeNull();
    expect(registrationOfToken(keys, `${other}.${mac}`)).toBeNull();
    expect(registrationOfToken(parseKeyRing(generateKey('elsewhere')), token)).toBeNull();
  });

  it('refuses tokens of another shape, and finds none in an old random token', () => {
    const id = randomUUID();
    const mac = registrationToken(keys, id).split('.')[1]!;
    for (const bad of [
      '',
      id,
      `${id}.`,
      `.${mac}`,
      `${id}.${mac}.x`,
      `${id}.${mac.slice(1)}`,
      `${id}.${mac}A`,
      `${id}.${mac.slice(1)}+`,
      `not-a-uuid.${mac}`,
      `${id.replace(/-/g, '')}.${mac}`,
    ]) {
      expect(hasRegistrationTokenShape(bad)).toBe(false);
      expect(registrationOfToken(keys, bad)).toBeNull();
    }
    // The links mailed before: 43 random characters, found by their hash (registration-link.ts).
    const old = newToken().token;
    expect(hasRegistrationTokenShape(old)).toBe(false);
    expect(registrationOfToken(keys, old)).toBeNull();
  });

  it('stays valid through a rotation while its key is in the ring; new ones are made with the new key', () => {
    const id = randomUUID();
    const before = registrationToken(keys, id);
    // Step 1: a new first key, the old one kept.
    const rotating = parseKeyRing(`${newKey},${oldKey}`);
    expect(registrationOfToken(rotating, before)).toBe(id);
    const during = registrationToken(rotating, id);
    expect(during).not.toBe(before);
    expect(registrationOfToken(rotating, during)).toBe(id);
    // Step 3: the old key removed. What was made during the rotation still opens; what was made
    // with the old key only does not (its first link still opens by its stored hash).
    const after = parseKeyRing(newKey);
    expect(registrationOfToken(after, during)).toBe(id);
    expect(registrationToken(after, id)).toBe(during);
    expect(registrationOfToken(after, before)).toBeNull();
  });
});
