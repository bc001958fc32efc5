// Reading and writing funding calls and their follows. The calendar's search is in search-calls.ts.
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { Executor } from '../../../db/client.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { exchangeCallFollows, exchangeCallHelp, exchangeCalls } from './calls.schema.ts';
import type { CheckedCall } from './check-call.ts';
import { termsValue } from './call-terms.ts';

const { searchTerms: _terms, ...columns } = getTableColumns(exchangeCalls);

export type CallRow = Omit<typeof exchangeCalls.$inferSelect, 'searchTerms'>;

/** A call by its id (anything else finds nothing); locked until the transaction ends when asked. */
export async function findCall(db: Executor, id: string, lock = false): Promise<CallRow | undefined> {
  const key = id.trim().toLowerCase();
  if (!isUuid(key)) return undefined;
  const query = db.select(columns).from(exchangeCalls).where(eq(exchangeCalls.id, key));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function insertCall(
  tx: Executor,
  values: CheckedCall & { publisherId: string | null; authorId: string | null; now: Date; isDemo?: boolean },
): Promise<string> {
  const { now, ...rest } = values;
  const [row] = await tx
    .insert(exchangeCalls)
    .values({ ...rest, createdAt: now, updatedAt: now, searchTerms: termsValue(rest) })
    .returning({ id: exchangeCalls.id });
  return row!.id;
}

/** The new version of a call's fields; a moved deadline is reminded of again. */
export async function updateCall(tx: Executor, call: CallRow, values: CheckedCall, now: Date): Promise<void> {
  await tx
    .update(exchangeCalls)
    .set({
      ...values,
      updatedAt: now,
      version: sql`${exchangeCalls.version} + 1`,
      searchTerms: termsValue(values),
    })
    .where(eq(exchangeCalls.id, call.id));
  if (call.closesAt.getTime() !== values.closesAt.getTime())
    await tx
      .update(exchangeCallFollows)
      .set({ remindedFarAt: null, remindedNearAt: null })
      .where(eq(exchangeCallFollows.callId, call.id));
}

export async function markWithdrawn(tx: Executor, id: string, by: string, now: Date): Promise<void> {
  await tx
    .update(exchangeCalls)
    .set({ status: 'withdrawn', withdrawnAt: now, withdrawnBy: by, updatedAt: now })
    .where(and(eq(exchangeCalls.id, id), eq(exchangeCalls.status, 'published')));
}

/** Follows the call for the organisation; false if it already did. */
export async function insertFollow(
  tx: Executor,
  values: { callId: string; organisationId: string; followedBy: string; now: Date },
): Promise<boolean> {
  const rows = await tx
    .insert(exchangeCallFollows)
    .values({ ...values, createdAt: values.now })
    .onConflictDoNothing()
    .returning({ callId: exchangeCallFollows.callId });
  return rows.length > 0;
}

export async function deleteFollow(tx: Executor, callId: string, organisationId: string): Promise<boolean> {
  const rows = await tx
    .delete(exchangeCallFollows)
    .where(
      and(eq(exchangeCallFollows.callId, callId), eq(exchangeCallFollows.organisationId, organisationId)),
    )
    .returning({ callId: exchangeCallFollows.callId });
  return rows.length > 0;
}

/** Which of these organisations follow the call. */
export async function followersAmong(
  db: Executor,
  callId: string,
  organisationIds: string[],
): Promise<string[]> {
  if (!organisationIds.length) return [];
  const rows = await db
    .select({ id: exchangeCallFollows.organisationId })
    .from(exchangeCallFollows)
    .where(
      and(
        eq(exchangeCallFollows.callId, callId),
        sql`${exchangeCallFollows.organisationId} = any(${sql.param(organisationIds)}::uuid[])`,
      ),
    );
  return rows.map((r) => r.id);
}

export async function insertHelp(tx: Executor, callId: string, postId: string, now: Date): Promise<void> {
  await tx.insert(exchangeCallHelp).values({ callId, postId, createdAt: now });
}

/** The open requests for help with a call on the board, newest first. */
export async function helpPostsOf(
  db: Executor,
  callId: string,
): Promise<{ id: string; organisationId: string }[]> {
  const { rows } = await db.execute<{ id: string; organisation_id: string }>(sql`
    select p.id, p.organisation_id from exchange_call_help h join exchange_posts p on p.id = h.post_id
    where h.call_id = ${callId} and p.status = 'open' order by p.created_at desc limit 20`);
  return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id }));
}

/** The published call a request on the board asks for help with, if it is one. */
export async function callHelpedBy(
  db: Executor,
  postId: string,
): Promise<{ id: string; title: I18nText } | undefined> {
  const { rows } = await db.execute<{ id: string; title: I18nText }>(sql`
    select c.id, c.title from exchange_call_help h join exchange_calls c on c.id = h.call_id
    where h.post_id = ${postId} and c.status = 'published' limit 1`);
  return rows[0];
}
