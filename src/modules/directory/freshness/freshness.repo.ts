// How fresh listings are: which need a reminder (six months without confirmation), which are
// stale (twelve months: flagged, ranked lower, in the moderators' queue), and confirming one.
import { and, asc, eq, gt, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { hashToken, isWellFormedToken, newToken } from '../../../shared/tokens.ts';
import { organisations } from '../directory.schema.ts';
import { listingConfirmations } from '../listing-records.schema.ts';
import { staleAfterMonths } from '../directory.service.ts';

export const reminderAfterMonths = 6;
/** A listing is reminded at most once a month. */
const remindEveryDays = 30;
const linkValidDays = 60;

const brusselsDay = (now: Date) => DateTime.fromJSDate(now, { zone: 'Europe/Brussels' });

/** Listings last confirmed before the cut-off (or never), not reminded in the last month. */
export async function findListingsToRemind(db: Executor, now: Date, limit = 500) {
  const cutOff = brusselsDay(now).minus({ months: reminderAfterMonths }).toISODate()!;
  const recent = new Date(now.getTime() - remindEveryDays * 86_400_000);
  return db
    .select({ id: organisations.id, name: organisations.name, email: organisations.email })
    .from(organisations)
    .where(
      and(
        eq(organisations.isDemo, false),
        or(isNull(organisations.lastConfirmedAt), lt(organisations.lastConfirmedAt, cutOff)),
        notExists(
          db
            .select({ one: sql`1` })
            .from(listingConfirmations)
            .where(
              and(
                eq(listingConfirmations.organisationId, organisations.id),
                gt(listingConfirmations.createdAt, recent),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(organisations.lastConfirmedAt))
    .limit(limit);
}

/** Listings unconfirmed for twelve months or more, oldest first: the moderators' queue. */
export async function findStaleListings(db: Executor, now: Date, limit = 200) {
  const cutOff = brusselsDay(now).minus({ months: staleAfterMonths }).toISODate()!;
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      lastConfirmedAt: organisations.lastConfirmedAt,
    })
    .from(organisations)
    .where(or(isNull(organisations.lastConfirmedAt), lt(organisations.lastConfirmedAt, cutOff)))
    .orderBy(asc(organisations.lastConfirmedAt))
    .limit(limit);
}

/** A new "still correct?" link for a listing; the token is returned once, to be e-mailed. */
export async function createConfirmationLink(
  db: Executor,
  organisationId: string,
  now: Date,
): Promise<string> {
  const { token, hash } = newToken();
  await db.insert(listingConfirmations).values({
    organisationId,
    tokenHash: hash,
    createdAt: now,
    expiresAt: new Date(now.getTime() + linkValidDays * 86_400_000),
  });
  return token;
}

/** The listing a confirmation link is for, while the link is valid. */
export async function findConfirmation(db: Executor, token: unknown, now: Date) {
  if (!isWellFormedToken(token)) return undefined;
  const [row] = await db
    .select({ id: listingConfirmations.id, organisationId: listingConfirmations.organisationId })
    .from(listingConfirmations)
    .where(
      and(
        eq(listingConfirmations.tokenHash, hashToken(token)),
        isNull(listingConfirmations.usedAt),
        gt(listingConfirmations.expiresAt, now),
      ),
    );
  return row;
}

/** "Still correct": the listing counts as confirmed today. */
export async function confirmListing(
  db: Executor,
  token: unknown,
  now: Date,
): Promise<{ organisationId: string }> {
  return db.transaction(async (tx) => {
    const found = await findConfirmation(tx, token, now);
    if (!found) throw new AppError('TOKEN_INVALID');
    await tx.update(listingConfirmations).set({ usedAt: now }).where(eq(listingConfirmations.id, found.id));
    await markConfirmed(tx, found.organisationId, now);
    return { organisationId: found.organisationId };
  });
}

/** Saving a listing or confirming it by link both count as "confirmed today". */
export async function markConfirmed(db: Executor, organisationId: string, now: Date): Promise<void> {
  await db
    .update(organisations)
    .set({ lastConfirmedAt: brusselsDay(now).toISODate()! })
    .where(eq(organisations.id, organisationId));
}
