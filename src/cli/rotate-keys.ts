// npm run keys:rotate
// Re-encrypts every stored referral text that still uses an older key than the first one in
// ENCRYPTION_KEYS (see docs/operations.md). Safe to run while the platform serves, and to run again.
import { encryptionKeysOf, loadConfig } from '../config.ts';
import { openCommandDatabase, runCommand } from './command.ts';
import { rotateEncryptionKey } from '../modules/referrals/use-cases/rotate-encryption-key.ts';

async function main(): Promise<number> {
  const config = loadConfig(process.env, []);
  const keys = encryptionKeysOf(config);
  const database = await openCommandDatabase(config);
  try {
    const done = await rotateEncryptionKey(database.db, keys);
    console.log(
      `Re-encrypted with key "${keys.currentId}": ${done.referrals} referrals and ${done.messages} messages.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

runCommand(main);
