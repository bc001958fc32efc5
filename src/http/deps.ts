import type { Config } from '../config.ts';
import type { Database, DatabaseConnection } from '../db/client.ts';
import type { KeyRing } from '../shared/field-encryption.ts';

/**
 * What a module runs for the whole process and gives to the modules after it (the search index,
 * say). Empty here: each module that provides one adds it to this interface in its module.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Services {}

/** What app.ts hands to every module's route plugins. */
export interface WebDeps {
  db: Database;
  /** The pool too, for rate limiters and notifications. */
  database: DatabaseConnection;
  config: Config;
  /** Keys for the encrypted fields, and for keys derived from them. */
  keys: KeyRing;
  /** Whether pages show the "demo data" banner. */
  demoBanner: () => Promise<boolean>;
  /** Starts delivering e-mail at once, after a use case queued some. */
  mailQueued: () => void;
  services: Services;
}
