// Loads a backup into a database that has just been migrated to the same migration: one
// transaction, triggers and foreign key checks off while the rows go in (session_replication_role),
// sequences set, row counts checked against the manifest before the commit.
import type pg from 'pg';
import { appliedMigration, appSequences, appTables, latestMigration } from './catalog.ts';
import { sessionSettings } from './backup.ts';
import { copyIn } from './copy.ts';
import { BackupError, type BackupManifest, readBackup } from './format.ts';
import type { KeyRing } from '../../shared/field-encryption.ts';
import { keyCheck } from './format.ts';

/**
 * Reads the file through and checks that it is whole and fits this version of the code (the same
 * last migration) and these keys. Nothing is touched; throws a BackupError that says what is wrong.
 */
export async function checkBackup(path: string, keys: KeyRing | null): Promise<BackupManifest> {
  const manifest = await readBackup(path);
  const latest = latestMigration();
  if (manifest.migration.tag !== latest.tag)
    throw new BackupError(
      `${path} was made at migration ${manifest.migration.tag}; this version of Passerelle is at ${latest.tag}. ` +
        'Restore it with the version of Passerelle that made it, then start the version you want (it migrates).',
    );
  const missing = manifest.encryptionKeys.filter(({ id, check }) => {
    const key = keys?.keys.get(id);
    return !key || keyCheck(key) !== check;
  });
  if (missing.length)
    throw new BackupError(
      `${path} holds values encrypted with key${missing.length > 1 ? 's' : ''} ${missing.map((k) => k.id).join(', ')}, ` +
        `which ${keys ? 'this installation does not have (or has another key under that id)' : 'are not here'}. ` +
        'Set ENCRYPTION_KEYS as it was, or copy the field-encryption.keys file into the data folder, then restore again ' +
        '(see docs/operations.md).',
    );
  return manifest;
}

/** Restores a checked backup into the migrated, empty database behind `client`. */
export async function loadBackup(
  client: pg.ClientBase,
  path: string,
  manifest: BackupManifest,
): Promise<void> {
  await client.query('begin');
  try {
    // A long backup or restore is not a stuck query: no server-side time limit applies.
    await client.query('set local statement_timeout = 0');
    await client.query('set local idle_in_transaction_session_timeout = 0');
    await client.query(sessionSettings);
    try {
      await client.query('set local session_replication_role = replica');
    } catch (error) {
      throw new BackupError(
        `Restoring needs a role that may set session_replication_role (a superuser): ${(error as Error).message}`,
      );
    }
    const migration = await appliedMigration(client);
    if (migration?.tag !== manifest.migration.tag)
      throw new BackupError(
        `The database is at migration ${migration?.tag ?? '(none)'}, not ${manifest.migration.tag}.`,
      );
    const tables = await appTables(client);
    const shape = (t: { name: string; columns: string[] }) => `${t.name}(${t.columns.join(',')})`;
    const expected = new Set(manifest.tables.map(shape));
    const differ = tables.filter((t) => !expected.delete(shape(t))).map(shape);
    if (differ.length || expected.size)
      throw new BackupError(
        `The database's tables differ from the backup's: ${[...differ, ...expected].slice(0, 5).join(' ')}`,
      );
    // Rows the migrations put in (the first glossary, say) are in the backup too.
    if (tables.length) await client.query(`truncate ${tables.map((t) => t.name).join(', ')}`);
    // Names go into SQL only as the catalog spells them, never as the file does.
    const byShape = new Map(tables.map((t) => [shape(t), t]));
    await readBackup(path, (header, chunks) => {
      const table = byShape.get(shape(header));
      if (!table) throw new BackupError(`${path} holds a table this database does not have: ${header.name}`);
      const columns = table.columns.map((c) => client.escapeIdentifier(c)).join(', ');
      return copyIn(client, `copy ${table.name} (${columns}) from stdin`, chunks);
    });
    const sequences = new Set((await appSequences(client)).map((s) => s.name));
    for (const { name, value } of manifest.sequences) {
      if (!sequences.has(name))
        throw new BackupError(`${path} names a sequence this database does not have: ${name}`);
      if (value === null) await client.query(`alter sequence ${name} restart`);
      else await client.query('select setval($1::regclass, $2::bigint, true)', [name, value]);
    }
    for (const table of manifest.tables) {
      const name = byShape.get(shape(table))!.name;
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${name}`);
      if (Number(rows[0]!.n) !== table.rows)
        throw new BackupError(`${table.name} has ${rows[0]!.n} rows after the restore, not ${table.rows}.`);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}
