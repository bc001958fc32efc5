// npm run keys:rotate
// Re-encrypts every stored referral text that still uses an older key than the first one in
// ENCRYPTION_KEYS (see docs/operations.md). Safe to run while the platform serves, and to run again.
import { ConfigError, encryptionKeysOf, loadConfig } from '../config.ts';
import { DatabaseStartError, runningEmbeddedUrl } from '../db/embedded.ts';
import { openDatabase } from '../db/open-database.ts';
import { rotateEncryptionKey } from '../modules/referrals/use-cases/rotate-encryption-key.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env, []);
  const keys = encryptionKeysOf(config);
  const shared = config.databaseUrl ? null : runningEmbeddedUrl(config.dataDir);
  const database = await openDatabase(config, { url: shared ?? undefined, poolSize: 2 });
  try {
    const done = await rotateEncryptionKey(database.db, keys);
    console.log(
      `Re-encrypted with key "${keys.currentId}": ${done.referrals} referrals and ${done.messages} messages.`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseStartError)
    console.error(`\n${error.message}\n`);
  else console.error(error);
  process.exit(1);
});
