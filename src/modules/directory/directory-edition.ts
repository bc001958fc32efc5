// The number every committed change of the directory's listings raises (migration 0040's triggers:
// organisations, services, places, hours, contacts, phones, themes, vouches, logos): visitors'
// organisation and service pages are kept under it, so a change shows on the next page in every
// process, whoever wrote it (a use case, an import, SQL by hand).
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { preparedOn } from '../../db/prepared.ts';
import { freshRead } from './fresh-read.ts';
import { directoryEdition } from './listing-records.schema.ts';

// Read on every visitor's page: named, so PostgreSQL parses and plans it once per connection.
const edition = preparedOn((db) =>
  db
    .select({ edition: directoryEdition.edition })
    .from(directoryEdition)
    .where(eq(directoryEdition.id, 1))
    .prepare('directory_edition'),
);

const readOf = (db: Executor) => async () => {
  const [row] = await edition(db).execute();
  return row?.edition ?? 0;
};

// Per handle: the application's pool shares its reads among the requests waiting (fresh-read.ts); a
// transaction's handle reads in its own snapshot, alone.
const sharedReads = new WeakMap<Executor, () => Promise<number>>();

export function directoryEditionOf(db: Executor): Promise<number> {
  let read = sharedReads.get(db);
  if (!read) sharedReads.set(db, (read = freshRead(readOf(db))));
  return read();
}
