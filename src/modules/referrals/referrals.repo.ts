// Reading and writing referrals, their events and who has seen them. No decryption here: rows leave
// sealed, and referral-fields.ts opens them for the two organisations.
import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { findRow, type RowLock } from '../../db/rows.ts';
import { referralEvents, referralReads, referrals } from './referrals.schema.ts';
import type { ReferralStatus } from './referrals.vocabulary.ts';

export type ReferralRow = typeof referrals.$inferSelect;
export type NewReferralRow = typeof referrals.$inferInsert;
export type ReferralEventRow = typeof referralEvents.$inferSelect;
export type NewReferralEventRow = typeof referralEvents.$inferInsert;

export async function insertReferral(db: Executor, row: NewReferralRow): Promise<void> {
  await db.insert(referrals).values(row);
}

/** One referral; `lock` holds it until the transaction ends, so two answers cannot cross. */
export async function findReferral(
  db: Executor,
  id: string,
  options?: RowLock,
): Promise<ReferralRow | undefined> {
  return findRow(db, referrals, eq(referrals.id, id), options);
}

export async function updateReferral(
  db: Executor,
  id: string,
  patch: Partial<NewReferralRow>,
): Promise<void> {
  await db.update(referrals).set(patch).where(eq(referrals.id, id));
}

export async function insertEvent(db: Executor, row: NewReferralEventRow): Promise<void> {
  await db.insert(referralEvents).values(row);
}

export function findEvents(db: Executor, referralId: string): Promise<ReferralEventRow[]> {
  return db
    .select()
    .from(referralEvents)
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.seq));
}

/** A list row: nothing about the person, so lists can be shown and cached without opening anything. */
export interface ReferralListRow {
  id: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  status: ReferralStatus;
  themeCode: string;
  urgency: ReferralRow['urgency'];
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  seenAt: Date | null;
}

/**
 * Sent and received referrals of these organisations, newest change first. Receivers see only what
 * was sent: a draft stays with its sender, also once cancelled.
 */
export async function findReferralsOf(
  db: Executor,
  options: {
    userId: string;
    organisationIds: string[];
    direction: 'sent' | 'received';
    statuses?: ReferralStatus[];
    limit: number;
    offset: number;
  },
): Promise<{ rows: ReferralListRow[]; total: number }> {
  if (!options.organisationIds.length) return { rows: [], total: 0 };
  const where: SQL[] =
    options.direction === 'sent'
      ? [inArray(referrals.fromOrganisationId, options.organisationIds)]
      : [inArray(referrals.toOrganisationId, options.organisationIds), isNotNull(referrals.sentAt)];
  if (options.statuses?.length) where.push(inArray(referrals.status, options.statuses));
  const condition = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: referrals.id,
        fromOrganisationId: referrals.fromOrganisationId,
        toOrganisationId: referrals.toOrganisationId,
        status: referrals.status,
        themeCode: referrals.themeCode,
        urgency: referrals.urgency,
        sentAt: referrals.sentAt,
        createdAt: referrals.createdAt,
        updatedAt: referrals.updatedAt,
        seenAt: referralReads.seenAt,
      })
      .from(referrals)
      .leftJoin(
        referralReads,
        and(eq(referralReads.referralId, referrals.id), eq(referralReads.userId, options.userId)),
      )
      .where(condition)
      .orderBy(desc(referrals.updatedAt), desc(referrals.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ n: count() }).from(referrals).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function markSeen(db: Executor, referralId: string, userId: string, at: Date): Promise<void> {
  await db
    .insert(referralReads)
    .values({ referralId, userId, seenAt: at })
    .onConflictDoUpdate({ target: [referralReads.referralId, referralReads.userId], set: { seenAt: at } });
}

export async function findSeenAt(
  db: Executor,
  referralId: string,
  userId: string,
): Promise<Date | undefined> {
  const [row] = await db
    .select({ seenAt: referralReads.seenAt })
    .from(referralReads)
    .where(and(eq(referralReads.referralId, referralId), eq(referralReads.userId, userId)));
  return row?.seenAt;
}

/** Referrals of these organisations that changed since the person last opened them. */
export async function countUnseen(db: Executor, userId: string, organisationIds: string[]): Promise<number> {
  if (!organisationIds.length) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(referrals)
    .leftJoin(
      referralReads,
      and(eq(referralReads.referralId, referrals.id), eq(referralReads.userId, userId)),
    )
    .where(
      and(
        or(
          inArray(referrals.fromOrganisationId, organisationIds),
          and(inArray(referrals.toOrganisationId, organisationIds), isNotNull(referrals.sentAt)),
        ),
        or(isNull(referralReads.seenAt), lt(referralReads.seenAt, referrals.updatedAt)),
      ),
    );
  return row?.n ?? 0;
}

/** Referrals sent before `sentBefore` that got no answer (not even a question) and no reminder yet. */
export function findUnansweredToRemind(db: Executor, sentBefore: Date): Promise<ReferralRow[]> {
  return db
    .select()
    .from(referrals)
    .where(
      and(
        eq(referrals.status, 'sent'),
        lt(referrals.sentAt, sentBefore),
        isNull(referrals.remindedAt),
        isNull(referrals.firstAnswerAt),
      ),
    )
    .orderBy(asc(referrals.sentAt))
    .limit(500);
}

export function findUnansweredToExpire(db: Executor, sentBefore: Date): Promise<ReferralRow[]> {
  return db
    .select()
    .from(referrals)
    .where(and(eq(referrals.status, 'sent'), lte(referrals.sentAt, sentBefore)))
    .orderBy(asc(referrals.sentAt))
    .limit(500);
}

/**
 * Up to 1000 not yet purged, and either closed before `closedBefore` or with a consent that ran out
 * before `today`, oldest first.
 */
export function findReferralsToPurge(
  db: Executor,
  closedBefore: Date,
  today: string,
): Promise<{ id: string }[]> {
  return db
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(
        isNull(referrals.purgedAt),
        or(lt(referrals.closedAt, closedBefore), lt(referrals.consentUntil, today)),
      ),
    )
    .orderBy(asc(referrals.createdAt))
    .limit(1000);
}

/** Removes every message text of a referral; the events themselves stay on the timeline. */
export async function purgeEventBodies(db: Executor, referralId: string): Promise<void> {
  await db
    .update(referralEvents)
    .set({ body: null })
    .where(and(eq(referralEvents.referralId, referralId), sql`${referralEvents.body} is not null`));
}
