// The kinds of organisation the library's filter offers, and which practices a kind finds: the kinds
// the organisations of the published practices (their owners and those involved) have now, read
// from the directory at each request. Two things went stale before: the filter offered every kind of
// the directory's vocabulary, whether a published practice had it or not; and a practice was found
// by the kinds it was written with (organisation_kinds, kept when it is written), which no longer
// hold once an organisation changes its kind in its profile, or a practice is unpublished. Neither
// is read here: a publish, an unpublish or a profile change shows at the next request.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { organisationKinds, organisationKindsOf } from '../../directory/index.ts';

type Kind = (typeof organisationKinds)[number];

export interface LibraryKinds {
  /** The kinds offered, in the vocabulary's order. */
  kinds: Kind[];
  /** The organisations of the published practices that are of this kind now. */
  organisationsOf(kind: string): string[];
}

export async function libraryKinds(db: Executor): Promise<LibraryKinds> {
  const { rows } = await db.execute<{ id: string }>(
    sql`select distinct unnest(array[organisation_id] || organisation_ids) as id
        from practices where status = 'published'`,
  );
  const kindOf = await organisationKindsOf(
    db,
    rows.map((r) => r.id),
  );
  const byKind = new Map<string, string[]>();
  for (const [id, kind] of kindOf) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  return {
    kinds: organisationKinds.filter((k) => byKind.has(k)),
    organisationsOf: (kind) => byKind.get(kind) ?? [],
  };
}
