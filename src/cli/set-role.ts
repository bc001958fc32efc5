// npm run user:role -- <e-mail> <member|moderator|analyst|admin>
// Gives a signed-up person a platform role, on the same database as `npm start` (a running
// server's embedded one, DATABASE_URL, or the embedded one started for the change).
import { userInfo } from 'node:os';
import { loadConfig } from '../config.ts';
import { openCommandDatabase, runCommand } from './command.ts';
import { setPlatformRole } from '../modules/accounts/use-cases/set-platform-role.ts';
import { AppError } from '../shared/errors.ts';

const usage = 'Usage: npm run user:role -- <e-mail> <member|moderator|analyst|admin>';

async function main(): Promise<number> {
  const [email, role] = process.argv.slice(2);
  if (!email || !role) {
    console.log(usage);
    return 2;
  }
  const config = loadConfig(process.env, []);
  const database = await openCommandDatabase(config);
  try {
    const { before, after } = await setPlatformRole(
      database.db,
      email,
      role,
      `command line (${userInfo().username})`,
    );
    console.log(`${email}: ${before} → ${after}`);
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'USER_NOT_FOUND') {
      console.error(`No account for ${email}. The person signs up first, then you give the role.`);
      return 1;
    }
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
      console.error(usage);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}

runCommand(main);
