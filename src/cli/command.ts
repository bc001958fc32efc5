// What the command-line tools share: the database `npm start` uses, and one way to end.
import type { Config } from '../config.ts';
import { ConfigError } from '../config.ts';
import { DatabaseStartError, runningEmbeddedUrl } from '../db/embedded.ts';
import { openDatabase } from '../db/open-database.ts';

/** A running server's embedded database, DATABASE_URL, or an embedded one started for the command. */
export function openCommandDatabase(config: Config) {
  const shared = config.databaseUrl ? null : runningEmbeddedUrl(config.dataDir);
  return openDatabase(config, { url: shared ?? undefined, poolSize: 2 });
}

/**
 * Runs a command and exits with the code it returns. A configuration or database start-up problem
 * is explained in a line; `explain` may say what else went wrong in plain words.
 */
export function runCommand(
  main: () => Promise<number>,
  explain?: (error: unknown) => string | undefined,
): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const known = error instanceof ConfigError || error instanceof DatabaseStartError;
      const said = known ? `\n${(error as Error).message}\n` : explain?.(error);
      console.error(said ?? error);
      process.exit(1);
    },
  );
}
