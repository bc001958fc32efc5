// The Drizzle tables among a schema file's exports, for a module's manifest to declare what it owns.
import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';

export function tablesOf(...schemaFiles: Record<string, unknown>[]): PgTable[] {
  return schemaFiles.flatMap((exports) => Object.values(exports).filter((value) => is(value, PgTable)));
}
