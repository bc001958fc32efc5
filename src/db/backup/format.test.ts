// The backup file format: what is written reads back, and anything cut short, changed or foreign
// is refused with a message that says so.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKey, parseKeyRing } from '../../shared/field-encryption.ts';
import { latestMigration } from './catalog.ts';
import { type BackupManifest, BackupWriter, keyCheck, keyChecksOf, readBackup } from './format.ts';
import { checkBackup } from './restore.ts';

const dir = mkdtempSync(join(tmpdir(), 'passerelle-backup-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const file = () => join(dir, `${++files}.backup`);

const rows = ['1\tBruxelles\n2\tAnderlecht\n', '3\tIxelles\\nline two\n'].map((r) => Buffer.from(r));
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest('hex');
const table = { name: 'public.communes', columns: ['id', 'name'] };

function manifest(overrides: Partial<BackupManifest> = {}): BackupManifest {
  return {
    format: 'passerelle-backup',
    version: 1,
    createdAt: '2026-12-05T10:00:00.000Z',
    migration: latestMigration(),
    server: '18.0',
    tables: [{ ...table, rows: 3, bytes: rows[0]!.length + rows[1]!.length, sha256: sha(...rows) }],
    sequences: [{ name: 'public.audit_seq', value: '42' }],
    encryptionKeys: [],
    ...overrides,
  };
}

async function write(
  path: string,
  options: { end?: { rows: number; sha256: string }; manifest?: BackupManifest } = {},
): Promise<string> {
  const writer = new BackupWriter(path);
  await writer.frame('T', table);
  for (const chunk of rows) await writer.frame('D', chunk);
  await writer.frame('E', options.end ?? { rows: 3, sha256: sha(...rows) });
  await writer.finish(options.manifest ?? manifest());
  return path;
}

describe('backup file', () => {
  it('reads back what was written, table by table', async () => {
    const path = await write(file());
    const seen: Buffer[] = [];
    const read = await readBackup(path, async (header, chunks) => {
      expect(header).toEqual(table);
      for await (const chunk of chunks) seen.push(chunk);
    });
    expect(read).toEqual(manifest());
    expect(Buffer.concat(seen).toString()).toBe(Buffer.concat(rows).toString());
  });

  it('is written whole or not at all', async () => {
    const path = file();
    const writer = new BackupWriter(path);
    await writer.frame('T', table);
    await writer.abort();
    expect(existsSync(`${path}.partial`)).toBe(false);
    await expect(readBackup(path)).rejects.toThrow(/There is no file/);
  });

  it('refuses a file that is not a backup', async () => {
    const plain = file();
    writeFileSync(plain, 'select 1;\n');
    await expect(readBackup(plain)).rejects.toThrow(/is not a Passerelle backup/);
    const zipped = file();
    writeFileSync(zipped, gzipSync('PGDMP something else entirely'));
    await expect(readBackup(zipped)).rejects.toThrow(/is not a Passerelle backup/);
  });

  it('refuses a file cut short', async () => {
    const whole = readFileSync(await write(file()));
    for (const length of [20, Math.floor(whole.length / 2), whole.length - 3]) {
      const cut = file();
      writeFileSync(cut, whole.subarray(0, length));
      await expect(readBackup(cut)).rejects.toThrow(/is cut short or damaged/);
    }
  });

  it('refuses a file with a byte changed', async () => {
    const bytes = readFileSync(await write(file()));
    bytes[Math.floor(bytes.length / 2)]! ^= 0x55;
    const changed = file();
    writeFileSync(changed, bytes);
    await expect(readBackup(changed)).rejects.toThrow(/is cut short or damaged|is not a Passerelle backup/);
  });

  it('refuses rows that do not match their checksum or the manifest', async () => {
    const wrongEnd = await write(file(), { end: { rows: 3, sha256: sha(rows[0]!) } });
    await expect(readBackup(wrongEnd)).rejects.toThrow(/rows of public.communes do not match their checksum/);
    const lying = await write(file(), { manifest: manifest({ tables: [] }) });
    await expect(readBackup(lying)).rejects.toThrow(/its tables do not match its manifest/);
  });

  it('refuses a newer format with the version in the message', async () => {
    const newer = await write(file(), { manifest: manifest({ version: 2 }) });
    await expect(readBackup(newer)).rejects.toThrow(
      /format version 2; this version of Passerelle reads version 1/,
    );
  });
});

describe('checking a backup before a restore', () => {
  const ring = parseKeyRing(`${generateKey('2026b')},${generateKey('2026a')}`);

  it('records key ids and check values, never the keys', () => {
    const checks = keyChecksOf(ring);
    expect(checks.map((c) => c.id)).toEqual(['2026b', '2026a']);
    for (const [, key] of ring.keys) {
      expect(JSON.stringify(checks)).not.toContain(key.toString('base64'));
      expect(JSON.stringify(checks)).not.toContain(key.toString('hex').slice(0, 16));
    }
    expect(keyCheck(ring.keys.get('2026a')!)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('needs every key the installation had, under the same id', async () => {
    const path = await write(file(), { manifest: manifest({ encryptionKeys: keyChecksOf(ring) }) });
    await expect(checkBackup(path, ring)).resolves.toMatchObject({ version: 1 });
    await expect(checkBackup(path, null)).rejects.toThrow(/keys 2026b, 2026a, which are not here/);
    const other = parseKeyRing(
      `${generateKey('2026b')},${[...ring.keys].at(1)![0]}:${ring.keys.get('2026a')!.toString('base64')}`,
    );
    await expect(checkBackup(path, other)).rejects.toThrow(
      /key 2026b, which this installation does not have/,
    );
  });

  it('needs the same migration as the code', async () => {
    const old = await write(file(), {
      manifest: manifest({ migration: { tag: '0001_directory', when: 1 } }),
    });
    await expect(checkBackup(old, null)).rejects.toThrow(
      `made at migration 0001_directory; this version of Passerelle is at ${latestMigration().tag}`,
    );
  });
});
