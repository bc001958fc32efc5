// npm run keys:rotate
// Re-encrypts every stored referral text, need signal text and written survey answer that still
// uses an older key than the first one in ENCRYPTION_KEYS (see docs/operations.md). Safe to run
// while the platform serves, and to run again.
import { encryptionKeysOf, loadConfig } from '../config.ts';
import { openCommandDatabase, runCommand } from './command.ts';
import { resealColumn } from '../db/reseal-column.ts';
import { rotateEncryptionKey } from '../modules/referrals/use-cases/rotate-encryption-key.ts';
import { needSignals } from '../modules/signals/signals.schema.ts';
import { signalNoteContext } from '../modules/signals/use-cases/signal-need.ts';
import { surveyResponses } from '../modules/signals/surveys/surveys.schema.ts';
import { surveyTextsContext } from '../modules/signals/surveys/survey-texts.ts';

async function main(): Promise<number> {
  const config = loadConfig(process.env, []);
  const keys = encryptionKeysOf(config);
  const database = await openCommandDatabase(config);
  try {
    const done = await rotateEncryptionKey(database.db, keys);
    const signals = await resealColumn(database.db, keys, {
      table: needSignals,
      id: needSignals.id,
      column: needSignals.note,
      context: signalNoteContext,
    });
    const answers = await resealColumn(database.db, keys, {
      table: surveyResponses,
      id: surveyResponses.id,
      column: surveyResponses.texts,
      context: surveyTextsContext,
    });
    console.log(
      `Re-encrypted with key "${keys.currentId}": ${done.referrals} referrals, ${done.messages} messages, ` +
        `${signals} need signals and ${answers} survey answers.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

runCommand(main);
