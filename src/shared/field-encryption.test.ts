import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decryptField,
  derivedKey,
  derivedKeys,
  encryptField,
  FieldEncryptionError,
  generateKey,
  keyRingFromFile,
  needsRotation,
  parseKeyRing,
} from './field-encryption.ts';

const ring = parseKeyRing(`${generateKey('k2')},${generateKey('k1')}`);

describe('field encryption', () => {
  it('round-trips text in any script, and shows none of it', () => {
    for (const text of ['Fatima, besoin d’un logement', 'تحتاج إلى مساعدة', '', 'x'.repeat(10_000)]) {
      const sealed = encryptField(ring, text, 'referrals.note:1');
      expect(decryptField(ring, sealed, 'referrals.note:1')).toBe(text);
      if (text) expect(sealed).not.toContain(text.slice(0, 6));
    }
  });

  it('uses a new IV each time: the same text never looks the same', () => {
    expect(encryptField(ring, 'same', 'c')).not.toBe(encryptField(ring, 'same', 'c'));
  });

  it('refuses a changed value, and a value moved to another field or row', () => {
    const sealed = encryptField(ring, 'secret', 'referrals.note:1');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[4]!, 'base64url');
    flipped[0]! ^= 1;
    parts[4] = flipped.toString('base64url');
    expect(() => decryptField(ring, parts.join('.'), 'referrals.note:1')).toThrow(FieldEncryptionError);
    expect(() => decryptField(ring, sealed, 'referrals.note:2')).toThrow(FieldEncryptionError);
    expect(() => decryptField(ring, 'plain text', 'referrals.note:1')).toThrow(FieldEncryptionError);
  });

  it('rotates: old values decrypt while their key is in the ring, new ones use the first key', () => {
    const old = parseKeyRing(generateKey('k0'));
    const sealed = encryptField(old, 'kept', 'c');
    const rotated = parseKeyRing(
      `${generateKey('k1')},${[...old.keys].map(([id, k]) => `${id}:${k.toString('base64')}`)[0]}`,
    );
    expect(decryptField(rotated, sealed, 'c')).toBe('kept');
    expect(needsRotation(rotated, sealed)).toBe(true);
    const again = encryptField(rotated, decryptField(rotated, sealed, 'c'), 'c');
    expect(needsRotation(rotated, again)).toBe(false);
    expect(() => decryptField(parseKeyRing(generateKey('k1')), sealed, 'c')).toThrow(/not in the ring/);
  });

  it('refuses a badly written key ring', () => {
    expect(() => parseKeyRing('')).toThrow(/no key/);
    expect(() => parseKeyRing('k1:c2hvcnQ=')).toThrow(/not 32/);
    expect(() => parseKeyRing('nocolon')).toThrow(/id:base64/);
    const key = generateKey('k1');
    expect(() => parseKeyRing(`${key},${key}`)).toThrow(/twice/);
  });

  it('keeps a development key in a private file, made once and read back the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-keys-'));
    try {
      const path = join(dir, 'data', 'field-encryption.keys');
      const first = keyRingFromFile(path);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const sealed = encryptField(first, 'Yasmina', 'referrals.personName:1');
      expect(decryptField(keyRingFromFile(path), sealed, 'referrals.personName:1')).toBe('Yasmina');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a shortened authentication tag', () => {
    const ring = parseKeyRing(generateKey('k'));
    const [v, id, iv, tag, ct] = encryptField(ring, 'texte', 'c').split('.');
    const short = Buffer.from(tag!, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => decryptField(ring, [v, id, iv, short, ct].join('.'), 'c')).toThrow(FieldEncryptionError);
  });

  it('derives keys for other purposes that survive adding a new first key', () => {
    const old = generateKey('2026a');
    const ring = parseKeyRing(old);
    const rotating = parseKeyRing(`${generateKey('2027a')},${old}`);
    expect(derivedKey(rotating, 'csrf').equals(derivedKey(ring, 'csrf'))).toBe(true);
    expect(derivedKey(ring, 'csrf').equals(derivedKey(ring, 'other'))).toBe(false);
    expect(derivedKey(ring, 'csrf').equals(ring.keys.get('2026a')!)).toBe(false);
  });

  it('derives a key for a purpose from each key of the ring, the current one first', () => {
    const [old, next] = [generateKey('2026a'), generateKey('2027a')];
    const ring = parseKeyRing(old);
    const rotating = parseKeyRing(`${next},${old}`);
    const after = parseKeyRing(next);
    // One key: the same as derivedKey's.
    expect(derivedKeys(ring, 'links')).toHaveLength(1);
    expect(derivedKeys(ring, 'links')[0]!.equals(derivedKey(ring, 'links'))).toBe(true);
    // A new first key signs; the old one's key is still there to check what it signed.
    const [current, previous] = derivedKeys(rotating, 'links');
    expect(derivedKeys(rotating, 'links')).toHaveLength(2);
    expect(previous!.equals(derivedKeys(ring, 'links')[0]!)).toBe(true);
    expect(current!.equals(previous!)).toBe(false);
    // The old key removed: the new key's stays the same, the old one's is gone.
    expect(derivedKeys(after, 'links')).toHaveLength(1);
    expect(derivedKeys(after, 'links')[0]!.equals(current!)).toBe(true);
    // Each purpose its own keys, none of them a key of the ring.
    expect(derivedKeys(rotating, 'other')[0]!.equals(current!)).toBe(false);
    expect(current!.equals(rotating.keys.get('2027a')!)).toBe(false);
  });
});
