// Queries and changes of memberships. Other modules read through index.ts; the membership module's
// use cases change members through the steps index.ts exports, inside their own transactions.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { findRow } from '../../db/rows.ts';
import { memberships } from './access.schema.ts';
import type { OrganisationRole } from './access.vocabulary.ts';

export type MembershipRow = typeof memberships.$inferSelect;

export async function findMembership(
  db: Executor,
  userId: string,
  organisationId: string,
): Promise<MembershipRow | undefined> {
  return findRow(
    db,
    memberships,
    and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)),
  );
}

export async function findMembershipsOfUser(db: Executor, userId: string): Promise<MembershipRow[]> {
  return db
    .select()
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

/**
 * The members of an organisation. With `lock`, who belongs to it cannot change until the
 * transaction ends: a per-organisation advisory lock (row locks alone lock nothing when there are
 * no rows yet, and two moderators could then each approve a claim on a listing without admins).
 */
export async function findMembersOf(
  db: Executor,
  organisationId: string,
  { lock = false } = {},
): Promise<MembershipRow[]> {
  if (lock)
    await db.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`memberships:${organisationId}`}, 0))`,
    );
  const query = db
    .select()
    .from(memberships)
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(memberships.createdAt));
  return lock ? query.for('update') : query;
}

export async function upsertMembership(
  db: Executor,
  values: { userId: string; organisationId: string; roles: OrganisationRole[] },
): Promise<void> {
  await db
    .insert(memberships)
    .values(values)
    .onConflictDoUpdate({
      target: [memberships.userId, memberships.organisationId],
      // Joining again adds roles; it never takes one away.
      set: {
        roles: sql`(select array_agg(distinct r) from unnest(${memberships.roles} || excluded.roles) r)`,
        updatedAt: sql`now()`,
      },
    });
}

export async function setMembershipRoles(
  db: Executor,
  userId: string,
  organisationId: string,
  roles: OrganisationRole[],
): Promise<void> {
  await db
    .update(memberships)
    .set({ roles, updatedAt: sql`now()` })
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
}

export async function deleteMembership(db: Executor, userId: string, organisationId: string): Promise<void> {
  await db
    .delete(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
}
