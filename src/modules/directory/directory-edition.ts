// The number every committed change of the directory's listings raises (migration 0040's triggers:
// organisations, services, places, hours, contacts, phones, themes, vouches, logos): visitors'
// organisation and service pages are kept under it, so a change shows on the next page in every
// process, whoever wrote it (a use case, an import, SQL by hand).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

export async function directoryEditionOf(db: Executor): Promise<number> {
  const { rows } = await db.execute<{ edition: number }>(
    sql`select edition from directory_edition where id = 1`,
  );
  return rows[0]?.edition ?? 0;
}
