// Trust in a listing besides freshness: verification by the network's moderators, and vouches of
// verified organisations for informal groups they know.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { preparedOn } from '../../../db/prepared.ts';
import { AppError } from '../../../shared/errors.ts';
import { organisations } from '../directory.schema.ts';
import { vouches } from '../listing-records.schema.ts';
import { vouchableKinds } from '../directory.vocabulary.ts';

export { vouchableKinds };

export async function setVerification(db: Executor, organisationId: string, verified: boolean, now: Date) {
  const result = await db
    .update(organisations)
    .set({
      verification: verified ? 'verified' : 'unverified',
      verifiedAt: verified ? now : null,
      updatedAt: sql`now()`,
    })
    .where(eq(organisations.id, organisationId));
  if (!result.rowCount) throw new AppError('ORGANISATION_NOT_FOUND');
}

export async function vouchFor(
  db: Executor,
  { voucherId, organisationId, userId }: { voucherId: string; organisationId: string; userId: string },
): Promise<void> {
  const rows = await db
    .select({ id: organisations.id, kind: organisations.kind, verification: organisations.verification })
    .from(organisations)
    .where(sql`${organisations.id} in (${voucherId}, ${organisationId})`);
  const voucher = rows.find((r) => r.id === voucherId);
  const target = rows.find((r) => r.id === organisationId);
  if (!voucher || !target) throw new AppError('ORGANISATION_NOT_FOUND');
  if (
    voucherId === organisationId ||
    voucher.verification !== 'verified' ||
    !vouchableKinds.includes(target.kind)
  )
    throw new AppError('FORBIDDEN');
  await db.insert(vouches).values({ organisationId, voucherId, vouchedBy: userId }).onConflictDoNothing();
}

export async function withdrawVouch(db: Executor, voucherId: string, organisationId: string): Promise<void> {
  await db
    .delete(vouches)
    .where(and(eq(vouches.voucherId, voucherId), eq(vouches.organisationId, organisationId)));
}

/** Withdraws the vouches this person gave for the organisation; the vouching organisations' ids. */
export async function withdrawVouchesBy(
  db: Executor,
  organisationId: string,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .delete(vouches)
    .where(and(eq(vouches.organisationId, organisationId), eq(vouches.vouchedBy, userId)))
    .returning({ voucherId: vouches.voucherId });
  return rows.map((r) => r.voucherId);
}

/** The verified organisations that vouch for one, by name. */
// On every organisation page: built once and named (db/prepared.ts).
const vouchersOf = preparedOn((db) =>
  db
    .select({ id: organisations.id, name: organisations.name })
    .from(vouches)
    .innerJoin(organisations, eq(organisations.id, vouches.voucherId))
    .where(
      and(
        eq(vouches.organisationId, sql.placeholder('organisationId')),
        eq(organisations.verification, 'verified'),
      ),
    )
    .orderBy(asc(vouches.createdAt))
    .prepare('directory_vouchers'),
);

export async function findVouchers(db: Executor, organisationId: string) {
  return vouchersOf(db).execute({ organisationId });
}

/** Listings entered on the platform and not yet verified, newest first: the moderators' queue. */
export async function findUnverifiedListings(db: Executor, limit = 200) {
  return db
    .select({ id: organisations.id, name: organisations.name, createdAt: organisations.createdAt })
    .from(organisations)
    .where(
      and(eq(organisations.verification, 'unverified'), eq(organisations.provenanceSource, 'passerelle')),
    )
    .orderBy(sql`${organisations.createdAt} desc`)
    .limit(limit);
}
