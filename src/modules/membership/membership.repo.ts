// Queries of the membership module, nothing else.
import { and, asc, eq, gt, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { countRows, findRow, insertRow, type RowLock } from '../../db/rows.ts';
import { memberships } from '../access/index.ts';
import { claims, invitations } from './membership.schema.ts';
import type { ClaimStatus } from './membership.vocabulary.ts';
export type ClaimRow = typeof claims.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export async function insertClaim(
  db: Executor,
  values: { organisationId: string; userId: string; message: string },
): Promise<ClaimRow> {
  return insertRow(db, claims, values);
}

export function findClaim(db: Executor, id: string, options?: RowLock): Promise<ClaimRow | undefined> {
  return findRow(db, claims, eq(claims.id, id), options);
}

export async function findPendingClaim(
  db: Executor,
  organisationId: string,
  userId: string,
): Promise<ClaimRow | undefined> {
  const pending = and(
    eq(claims.organisationId, organisationId),
    eq(claims.userId, userId),
    eq(claims.status, 'pending'),
  );
  return findRow(db, claims, pending);
}

export async function findClaims(
  db: Executor,
  filters: { organisationId?: string; userId?: string; status?: ClaimStatus },
): Promise<ClaimRow[]> {
  return db
    .select()
    .from(claims)
    .where(
      and(
        filters.organisationId ? eq(claims.organisationId, filters.organisationId) : undefined,
        filters.userId ? eq(claims.userId, filters.userId) : undefined,
        filters.status ? eq(claims.status, filters.status) : undefined,
      ),
    )
    .orderBy(asc(claims.createdAt));
}

export async function decideClaimRow(
  db: Executor,
  id: string,
  values: { status: ClaimStatus; decidedBy: string; decidedAt: Date },
): Promise<void> {
  await db.update(claims).set(values).where(eq(claims.id, id));
}

export async function insertInvitation(
  db: Executor,
  values: Omit<typeof invitations.$inferInsert, 'id' | 'createdAt' | 'acceptedAt' | 'revokedAt'>,
): Promise<InvitationRow> {
  return insertRow(db, invitations, values);
}

/** What makes an invitation one that can still be accepted: neither accepted, revoked nor expired. */
function usable(now: Date): SQL[] {
  return [isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)];
}

export async function findOpenInvitations(
  db: Executor,
  organisationId: string,
  now: Date,
): Promise<InvitationRow[]> {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), ...usable(now)))
    .orderBy(asc(invitations.createdAt));
}

/** An invitation that can still be accepted, by the hash of its token, locked. */
export async function findUsableInvitation(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<InvitationRow | undefined> {
  const usableByToken = and(eq(invitations.tokenHash, tokenHash), ...usable(now));
  return findRow(db, invitations, usableByToken, { lock: true });
}

export async function markInvitation(
  db: Executor,
  id: string,
  values: { acceptedAt?: Date; revokedAt?: Date },
): Promise<void> {
  await db.update(invitations).set(values).where(eq(invitations.id, id));
}

/**
 * Pending claims a moderator decides: on organisations without an admin (claims on the others are
 * their admins' alone), leaving out her own claims and organisations she belongs to or claims too.
 */
function claimsForModerator(moderatorId: string) {
  return and(
    eq(claims.status, 'pending'),
    ne(claims.userId, moderatorId),
    sql`not exists (select 1 from ${memberships} m where m.organisation_id = ${claims.organisationId}
      and ('admin' = any(m.roles) or m.user_id = ${moderatorId}))`,
    sql`not exists (select 1 from claims mine where mine.organisation_id = ${claims.organisationId}
      and mine.user_id = ${moderatorId} and mine.status = 'pending')`,
  );
}

export async function findClaimsForModerator(db: Executor, moderatorId: string): Promise<ClaimRow[]> {
  return db.select().from(claims).where(claimsForModerator(moderatorId)).orderBy(asc(claims.createdAt));
}

export async function countClaimsForModerator(db: Executor, moderatorId: string): Promise<number> {
  return countRows(db, claims, claimsForModerator(moderatorId));
}
