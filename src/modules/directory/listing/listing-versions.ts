// The version history of listings: what changed, field by field, written in the same transaction
// as the change itself.
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { listingVersions } from '../listing-records.schema.ts';

export type ListingVersion = typeof listingVersions.$inferSelect;
export type Changes = Record<string, { before: unknown; after: unknown }>;

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep the order they were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** The fields whose value differs, with both values. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {};
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (!same(before[field], value)) changes[field] = { before: before[field] ?? null, after: value ?? null };
  }
  return changes;
}

/** A removed record's fields, each changed to nothing: the history keeps what was removed. */
export function removal(fields: Record<string, unknown>): Changes {
  return Object.fromEntries(
    Object.entries(fields).map(([field, value]) => [field, { before: value, after: null }]),
  );
}

export async function recordVersion(
  db: Executor,
  values: Omit<typeof listingVersions.$inferInsert, 'id' | 'at'>,
): Promise<void> {
  await db.insert(listingVersions).values(values);
}

export async function findVersion(db: Executor, id: number): Promise<ListingVersion | undefined> {
  const [row] = await db.select().from(listingVersions).where(eq(listingVersions.id, id));
  return row;
}

export async function findVersionsOfOrganisation(db: Executor, organisationId: string, limit = 200) {
  return db
    .select()
    .from(listingVersions)
    .where(eq(listingVersions.organisationId, organisationId))
    .orderBy(desc(listingVersions.id))
    .limit(limit);
}

export async function findVersionsOfRecord(db: Executor, recordType: string, recordId: string) {
  return db
    .select()
    .from(listingVersions)
    .where(and(eq(listingVersions.recordType, recordType), eq(listingVersions.recordId, recordId)))
    .orderBy(desc(listingVersions.id));
}
