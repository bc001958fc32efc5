// Reading and writing the exchange_posts table. The board's search is in search-posts.ts, the
// matching in match-posts.ts.
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { exchangePosts } from '../exchange.schema.ts';
import type { CheckedPost } from './check-post.ts';

const { searchTerms: _terms, ...columns } = getTableColumns(exchangePosts);

export type PostRow = Omit<typeof exchangePosts.$inferSelect, 'searchTerms'>;

/** A post by its id (anything else finds nothing); locked until the transaction ends when asked. */
export async function findPost(db: Executor, id: string, lock = false): Promise<PostRow | undefined> {
  const key = id.trim().toLowerCase();
  if (!isUuid(key)) return undefined;
  const query = db.select(columns).from(exchangePosts).where(eq(exchangePosts.id, key));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function insertPost(
  tx: Executor,
  values: CheckedPost & { organisationId: string; authorId: string | null; isDemo?: boolean; now: Date },
): Promise<string> {
  const { now, ...rest } = values;
  const [row] = await tx
    .insert(exchangePosts)
    .values({ ...rest, createdAt: now, updatedAt: now, searchTerms: sql`''::tsvector` })
    .returning({ id: exchangePosts.id });
  return row!.id;
}

/** The new version of a post's fields (its organisation and direction stay). */
export async function updatePost(
  tx: Executor,
  id: string,
  values: Omit<CheckedPost, 'direction'>,
  now: Date,
): Promise<void> {
  await tx
    .update(exchangePosts)
    .set({
      ...values,
      editedAt: now,
      updatedAt: now,
      version: sql`${exchangePosts.version} + 1`,
      // A new date is reminded of again; the same date is not.
      remindedAt: sql`case when ${exchangePosts.until} = ${values.until}::date then ${exchangePosts.remindedAt} end`,
    })
    .where(eq(exchangePosts.id, id));
}

export async function markFulfilled(tx: Executor, id: string, now: Date): Promise<void> {
  await tx
    .update(exchangePosts)
    .set({ status: 'fulfilled', fulfilledAt: now, updatedAt: now })
    .where(and(eq(exchangePosts.id, id), eq(exchangePosts.status, 'open')));
}

export async function markClosed(tx: Executor, id: string, by: string, now: Date): Promise<void> {
  await tx
    .update(exchangePosts)
    .set({ status: 'closed', closedAt: now, closedBy: by, updatedAt: now })
    .where(and(eq(exchangePosts.id, id), eq(exchangePosts.status, 'open')));
}
