// Free-text fields about people (referral notes, messages) are stored encrypted: AES-256-GCM with a
// random 96-bit IV per value, and the field's place (e.g. "referrals.note:<id>") as associated data,
// so a value copied to another row or column does not decrypt. Keys have ids: the first key of the
// ring encrypts, every key decrypts, so keys rotate without a stop (add a new first key, re-encrypt
// at leisure with `needsRotation`, then drop the old one).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface KeyRing {
  currentId: string;
  keys: Map<string, Buffer>;
}

export class FieldEncryptionError extends Error {}

const keyId = /^[A-Za-z0-9_-]{1,32}$/;

/** "2026b:BASE64,2026a:BASE64": the first key encrypts; each key is 32 bytes in base64. */
export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  let currentId = '';
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, encoded] = part.split(':');
    if (!id || !encoded || !keyId.test(id))
      throw new FieldEncryptionError(`key "${part.slice(0, 12)}…" is not "id:base64"`);
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) throw new FieldEncryptionError(`key ${id} is ${key.length} bytes, not 32`);
    if (keys.has(id)) throw new FieldEncryptionError(`key ${id} appears twice`);
    keys.set(id, key);
    currentId ||= id;
  }
  if (!currentId) throw new FieldEncryptionError('no key given');
  return { currentId, keys };
}

/**
 * A key for another purpose (e.g. "csrf"), derived with HKDF from the ring's oldest key: every
 * process of one installation gets the same one, it never reveals the encryption key, and adding a
 * new first key to rotate (docs/operations.md) leaves it unchanged; it changes once, when the old
 * key is finally removed.
 */
export function derivedKey(ring: KeyRing, purpose: string): Buffer {
  return derive([...ring.keys.values()].at(-1)!, purpose);
}

/**
 * The key for a purpose derived from each key of the ring, the current (first) key's first: sign
 * with the first, accept a signature made with any. A signature then survives a rotation while its
 * key stays in the ring (steps 1 and 2 in docs/operations.md), and what is signed after step 1
 * survives step 3 too.
 */
export function derivedKeys(ring: KeyRing, purpose: string): Buffer[] {
  const others = [...ring.keys].filter(([id]) => id !== ring.currentId).map(([, key]) => key);
  return [ring.keys.get(ring.currentId)!, ...others].map((key) => derive(key, purpose));
}

const derive = (key: Buffer, purpose: string) =>
  Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `passerelle:${purpose}`, 32));

/** A new random key, as the key ring spells it. */
export function generateKey(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/** "v1.<key id>.<iv>.<tag>.<ciphertext>", each part base64url. */
export function encryptField(ring: KeyRing, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.keys.get(ring.currentId)!, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', ring.currentId, iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function decryptField(ring: KeyRing, sealed: string, context: string): string {
  const [version, id, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !id || iv === undefined || tag === undefined || ciphertext === undefined)
    throw new FieldEncryptionError('not an encrypted value');
  const key = ring.keys.get(id);
  if (!key) throw new FieldEncryptionError(`key ${id} is not in the ring`);
  const ivBytes = Buffer.from(iv, 'base64url');
  const tagBytes = Buffer.from(tag, 'base64url');
  // A shortened tag would weaken the check: only the full 16 bytes (and a 12-byte IV) are accepted.
  if (ivBytes.length !== 12 || tagBytes.length !== 16)
    throw new FieldEncryptionError('not an encrypted value');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new FieldEncryptionError('the value was changed, or belongs elsewhere');
  }
}

/** Whether a value was encrypted with another key than the current one. */
export function needsRotation(ring: KeyRing, sealed: string): boolean {
  return sealed.split('.')[1] !== ring.currentId;
}

/**
 * Outside production: the key ring kept in a file next to the embedded database, made on first
 * use, so a newcomer needs no setup and data written yesterday still reads today.
 */
export function keyRingFromFile(path: string): KeyRing {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${generateKey('dev1')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return parseKeyRing(readFileSync(path, 'utf8').trim());
}
