// npm run backup -- --out FILE
// An online backup of the platform's database (embedded or DATABASE_URL) to one file, while the app
// keeps serving. The encryption keys are not in it: keep them elsewhere (docs/operations.md).
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { BackupError } from '../db/backup/format.ts';
import { insideDataDir, runBackup } from '../db/backup/run.ts';
import { runCommand } from './command.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) {
    console.error('Usage: npm run backup -- --out FILE');
    return 2;
  }
  const config = loadConfig(process.env, []);
  if (insideDataDir(config, values.out))
    console.warn(
      `Warning: ${values.out} is inside the data folder; copy it elsewhere, away from the encryption keys.`,
    );
  const started = Date.now();
  const manifest = await runBackup(config, values.out);
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  const size = statSync(values.out).size;
  console.log(
    `Backed up ${manifest.tables.length} tables (${rows} rows) at migration ${manifest.migration.tag} to ` +
      `${values.out}: ${(size / 1024 / 1024).toFixed(1)} MiB in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  console.log(
    manifest.encryptionKeys.length
      ? `Restoring it needs the encryption key${manifest.encryptionKeys.length > 1 ? 's' : ''} ` +
          `${manifest.encryptionKeys.map((k) => k.id).join(', ')}, which the file does not hold.`
      : 'No encryption keys were found (ENCRYPTION_KEYS or the key file): encrypted values need the keys that sealed them.',
  );
  return 0;
}

runCommand(main, (error) => (error instanceof BackupError ? `\n${error.message}\n` : undefined));
