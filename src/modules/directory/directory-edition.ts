// The number every committed change of the directory's listings raises (migration 0040's triggers:
// organisations, services, places, hours, contacts, phones, themes, vouches, logos): visitors'
// organisation and service pages are kept under it, so a change shows on the next page in every
// process, whoever wrote it (a use case, an import, SQL by hand).
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { preparedOn } from '../../db/prepared.ts';
import { directoryEdition } from './listing-records.schema.ts';

// Read on every visitor's page: named, so PostgreSQL parses and plans it once per connection.
const edition = preparedOn((db) =>
  db
    .select({ edition: directoryEdition.edition })
    .from(directoryEdition)
    .where(eq(directoryEdition.id, 1))
    .prepare('directory_edition'),
);

export async function directoryEditionOf(db: Executor): Promise<number> {
  const [row] = await edition(db).execute();
  return row?.edition ?? 0;
}
