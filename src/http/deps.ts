import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';

/** What app.ts hands to every module's route plugin. */
export interface WebDeps {
  db: Database;
  config: Config;
  /** Whether pages show the "demo data" banner. */
  demoBanner: () => Promise<boolean>;
  /** Starts delivering e-mail at once, after a use case queued some. */
  mailQueued: () => void;
}
