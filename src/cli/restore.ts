// npm run restore -- --from FILE
// Restores a backup made by `npm run backup` into an empty data folder (DATA_DIR) or an empty
// database (DATABASE_URL), with the same version of Passerelle and the same encryption keys.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { BackupError } from '../db/backup/format.ts';
import { runRestore } from '../db/backup/run.ts';
import { runCommand } from './command.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: 'string' } } });
  if (!values.from) {
    console.error('Usage: npm run restore -- --from FILE');
    return 2;
  }
  const config = loadConfig(process.env, []);
  const started = Date.now();
  const manifest = await runRestore(config, values.from);
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Restored ${manifest.tables.length} tables (${rows} rows) of the backup made at ${manifest.createdAt} into ` +
      `${config.databaseUrl ? 'the database at DATABASE_URL' : config.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  return 0;
}

runCommand(main, (error) => (error instanceof BackupError ? `\n${error.message}\n` : undefined));
