// The welfare theme taxonomy ships with the code (data/themes.json) and is written to the database
// at every start, so codes used by services, filters and the HSDS API always exist.
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import themes from '../data/themes.json' with { type: 'json' };
import { taxonomyTerms } from '../directory.schema.ts';

export function themeRows() {
  let position = 0;
  return themes.flatMap((theme) => [
    { code: theme.code, parentCode: null, name: theme.name, position: position++ },
    ...theme.children.map((child) => ({
      code: child.code,
      parentCode: theme.code,
      name: child.name,
      position: position++,
    })),
  ]);
}

export async function syncTaxonomy(db: Database): Promise<void> {
  await db
    .insert(taxonomyTerms)
    .values(themeRows())
    .onConflictDoUpdate({
      target: taxonomyTerms.code,
      set: {
        parentCode: sql`excluded.parent_code`,
        name: sql`excluded.name`,
        position: sql`excluded.position`,
      },
      // Skip the write (and its WAL) when nothing changed: this runs at every start.
      setWhere: sql`(${taxonomyTerms.parentCode}, ${taxonomyTerms.name}, ${taxonomyTerms.position})
        is distinct from (excluded.parent_code, excluded.name, excluded.position)`,
    });
}
