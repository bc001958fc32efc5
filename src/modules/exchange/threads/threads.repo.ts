// Reading and writing the threads about posts, their messages and who read them until when.
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { exchangeMessages, exchangePosts, exchangeThreadReads, exchangeThreads } from '../exchange.schema.ts';
import type { ThreadSide } from '../exchange.vocabulary.ts';

export type ThreadRow = typeof exchangeThreads.$inferSelect;
export type MessageRow = typeof exchangeMessages.$inferSelect;

/** A thread by its id (anything else finds nothing); locked until the transaction ends when asked. */
export async function findThread(db: Executor, id: string, lock = false): Promise<ThreadRow | undefined> {
  const key = id.trim().toLowerCase();
  if (!isUuid(key)) return undefined;
  const query = db.select().from(exchangeThreads).where(eq(exchangeThreads.id, key));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** The thread between a post and an organisation that answers it, if there is one. */
export async function findThreadOf(
  db: Executor,
  postId: string,
  organisationId: string,
): Promise<ThreadRow | undefined> {
  const [row] = await db
    .select()
    .from(exchangeThreads)
    .where(and(eq(exchangeThreads.postId, postId), eq(exchangeThreads.organisationId, organisationId)));
  return row;
}

/** The thread of a post and an organisation: the existing one, or a new one. */
export async function threadFor(
  tx: Executor,
  values: { postId: string; organisationId: string; startedBy: string; now: Date },
): Promise<{ id: string; created: boolean }> {
  const { now, ...rest } = values;
  const [made] = await tx
    .insert(exchangeThreads)
    .values({ ...rest, createdAt: now, lastMessageAt: now })
    .onConflictDoNothing()
    .returning({ id: exchangeThreads.id });
  if (made) return { id: made.id, created: true };
  const found = await findThreadOf(tx, values.postId, values.organisationId);
  return { id: found!.id, created: false };
}

/** A message, and the thread's latest moment; the moment of the message before it. */
export async function insertMessage(
  tx: Executor,
  values: { threadId: string; authorId: string; side: ThreadSide; body: string; now: Date },
): Promise<void> {
  await tx.insert(exchangeMessages).values({
    threadId: values.threadId,
    authorId: values.authorId,
    side: values.side,
    body: values.body,
    createdAt: values.now,
  });
  await tx
    .update(exchangeThreads)
    .set({ lastMessageAt: values.now })
    .where(eq(exchangeThreads.id, values.threadId));
  await markRead(tx, values.threadId, values.authorId, values.now);
}

export function listMessages(db: Executor, threadId: string): Promise<MessageRow[]> {
  return db
    .select()
    .from(exchangeMessages)
    .where(eq(exchangeMessages.threadId, threadId))
    .orderBy(exchangeMessages.createdAt, exchangeMessages.id);
}

/** A person has read a thread up to now. */
export async function markRead(db: Executor, threadId: string, userId: string, now: Date): Promise<void> {
  await db
    .insert(exchangeThreadReads)
    .values({ threadId, userId, readAt: now })
    .onConflictDoUpdate({
      target: [exchangeThreadReads.threadId, exchangeThreadReads.userId],
      set: { readAt: sql`greatest(${exchangeThreadReads.readAt}, excluded.read_at)` },
    });
}

/**
 * Of these people, those who had read the thread up to the latest message of the writing side
 * (`from`) before `before`: the others still have one unread from that side, and were told of it
 * already. Their own side's messages do not count (a colleague's message is no news from the other).
 */
export async function caughtUp(
  db: Executor,
  threadId: string,
  userIds: string[],
  before: Date,
  from: ThreadSide,
): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const list = sql.join(
    userIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await db.execute<{ user_id: string }>(sql`
    select u.id as user_id from unnest(array[${list}]) as u(id)
    where not exists (
      select 1 from exchange_messages m
      where m.thread_id = ${threadId} and m.created_at < ${before}
        and m.side = ${from}
        and m.created_at > coalesce(
          (select r.read_at from exchange_thread_reads r where r.thread_id = ${threadId} and r.user_id = u.id),
          '-infinity'::timestamptz))`);
  return new Set(rows.rows.map((r) => r.user_id));
}

export interface ThreadListed {
  id: string;
  postId: string;
  postOrganisationId: string;
  organisationId: string;
  direction: (typeof exchangePosts.$inferSelect)['direction'];
  title: (typeof exchangePosts.$inferSelect)['title'];
  status: (typeof exchangePosts.$inferSelect)['status'];
  until: string;
  lastMessageAt: Date;
  /** Messages of others after the reader last read it. */
  unread: number;
}

/** The threads these organisations take part in (either side), latest first; of one post if given. */
export async function listThreadsOf(
  db: Executor,
  organisationIds: string[],
  userId: string,
  limit: number,
  postId?: string,
): Promise<ThreadListed[]> {
  if (!organisationIds.length) return [];
  const read = db
    .select({ readAt: exchangeThreadReads.readAt })
    .from(exchangeThreadReads)
    .where(and(eq(exchangeThreadReads.threadId, exchangeThreads.id), eq(exchangeThreadReads.userId, userId)));
  return db
    .select({
      id: exchangeThreads.id,
      postId: exchangePosts.id,
      postOrganisationId: exchangePosts.organisationId,
      organisationId: exchangeThreads.organisationId,
      direction: exchangePosts.direction,
      title: exchangePosts.title,
      status: exchangePosts.status,
      until: exchangePosts.until,
      lastMessageAt: exchangeThreads.lastMessageAt,
      unread: sql<number>`(select count(*)::int from exchange_messages m
        where m.thread_id = ${exchangeThreads.id} and m.author_id is distinct from ${userId}
          and m.created_at > coalesce((${read}), '-infinity'::timestamptz))`,
    })
    .from(exchangeThreads)
    .innerJoin(exchangePosts, eq(exchangePosts.id, exchangeThreads.postId))
    .where(
      and(
        or(
          inArray(exchangeThreads.organisationId, organisationIds),
          inArray(exchangePosts.organisationId, organisationIds),
        ),
        postId ? eq(exchangeThreads.postId, postId) : undefined,
      ),
    )
    .orderBy(desc(exchangeThreads.lastMessageAt))
    .limit(limit);
}

/** The posts of these organisations, newest first. */
export function listPostsOf(db: Executor, organisationIds: string[], limit: number) {
  if (!organisationIds.length) return Promise.resolve([]);
  return db
    .select({
      id: exchangePosts.id,
      organisationId: exchangePosts.organisationId,
      direction: exchangePosts.direction,
      kind: exchangePosts.kind,
      title: exchangePosts.title,
      status: exchangePosts.status,
      until: exchangePosts.until,
    })
    .from(exchangePosts)
    .where(inArray(exchangePosts.organisationId, organisationIds))
    .orderBy(desc(exchangePosts.createdAt))
    .limit(limit);
}
