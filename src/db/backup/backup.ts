// An online backup: one connection reads every table in one snapshot (REPEATABLE READ, read only)
// with COPY, while the app goes on writing; nothing is locked but against DDL.
import type pg from 'pg';
import type { KeyRing } from '../../shared/field-encryption.ts';
import { appliedMigration, appSequences, appTables } from './catalog.ts';
import { copyOut } from './copy.ts';
import {
  BackupError,
  type BackupManifest,
  backupFormat,
  backupVersion,
  BackupWriter,
  keyChecksOf,
  type TableSummary,
} from './format.ts';
import { createHash } from 'node:crypto';

const chunkSize = 256 * 1024;

/** The session's formats for COPY's text, set in the backup's and the restore's transaction. */
export const sessionSettings =
  "set local datestyle = 'ISO, YMD'; set local intervalstyle = 'postgres'; set local extra_float_digits = 3";

const quoted = (client: pg.ClientBase, columns: string[]) =>
  columns.map((c) => client.escapeIdentifier(c)).join(', ');

/** Writes a backup of the database behind `client` to `path`; the keys' ids and check values go in its manifest. */
export async function writeBackup(
  client: pg.ClientBase,
  path: string,
  options: { keys: KeyRing | null; onTable?: (table: TableSummary) => void },
): Promise<BackupManifest> {
  const writer = new BackupWriter(path);
  try {
    await client.query('begin isolation level repeatable read read only');
    // A long backup or restore is not a stuck query: no server-side time limit applies.
    await client.query('set local statement_timeout = 0');
    await client.query('set local idle_in_transaction_session_timeout = 0');
    // COPY's text of dates, intervals and floats as the restore reads it, whatever the database's defaults.
    await client.query(sessionSettings);
    const migration = await appliedMigration(client);
    if (!migration)
      throw new BackupError('The database has no Passerelle schema: there is nothing to back up.');
    const { rows } = await client.query<{ at: Date; server: string }>(
      'select now() as at, current_setting($1) as server',
      ['server_version'],
    );
    const tables: TableSummary[] = [];
    const listed = await appTables(client);
    // Every table locked at once, as pg_dump does: a table rewritten by a migration that commits
    // before its COPY would look empty to this snapshot. A schema change waits for the backup.
    if (listed.length)
      await client.query(`lock table ${listed.map((t) => t.name).join(', ')} in access share mode`);
    for (const table of listed) {
      await writer.frame('T', table);
      const hash = createHash('sha256');
      let bytes = 0;
      let batch: Buffer[] = [];
      let batched = 0;
      const flush = async () => {
        const data = Buffer.concat(batch);
        batch = [];
        batched = 0;
        hash.update(data);
        bytes += data.length;
        await writer.frame('D', data);
      };
      const count = await copyOut(
        client,
        `copy ${table.name} (${quoted(client, table.columns)}) to stdout`,
        (chunk) => {
          batch.push(chunk);
          batched += chunk.length;
          return batched >= chunkSize ? flush() : undefined;
        },
      );
      if (batched) await flush();
      const summary = { ...table, rows: count, bytes, sha256: hash.digest('hex') };
      await writer.frame('E', { rows: count, sha256: summary.sha256 });
      tables.push(summary);
      options.onTable?.(summary);
    }
    // Sequences are not part of the snapshot: their values may be ahead of it, which is harmless.
    const sequences = await appSequences(client);
    await client.query('commit');
    const manifest: BackupManifest = {
      format: backupFormat,
      version: backupVersion,
      createdAt: rows[0]!.at.toISOString(),
      migration,
      server: rows[0]!.server,
      tables,
      sequences,
      encryptionKeys: keyChecksOf(options.keys),
    };
    await writer.finish(manifest);
    return manifest;
  } catch (error) {
    await writer.abort();
    await client.query('rollback').catch(() => {});
    throw error;
  }
}
