// The referrals an organisation's people work on: received and sent, newest change first, with
// what changed since each was last opened. Lists hold nothing about the person.
import type { Executor } from '../../../db/client.ts';
import { getOrganisationBrief, type OrganisationBrief } from '../../directory/index.ts';
import { auditReferral, handlingOrganisations } from '../referral-access.ts';
import type { ReferralActor, ReferralContext } from '../referral-context.ts';
import { countUnseen, findReferralsOf, type ReferralListRow } from '../referrals.repo.ts';
import type { ReferralStatus } from '../referrals.vocabulary.ts';

export interface ReferralList {
  rows: (ReferralListRow & { isNew: boolean })[];
  total: number;
  organisations: Map<string, OrganisationBrief>;
  /** The organisations the reader handles referrals for; empty means the page explains how to start. */
  own: string[];
}

export async function listReferrals(
  ctx: ReferralContext,
  options: { direction: 'sent' | 'received'; statuses?: ReferralStatus[]; page: number; perPage: number },
): Promise<ReferralList> {
  const own = await handlingOrganisations(ctx.db, ctx.actor);
  const userId = ctx.actor.kind === 'person' ? ctx.actor.userId : '00000000-0000-0000-0000-000000000000';
  const { rows, total } = await findReferralsOf(ctx.db, {
    userId,
    organisationIds: own,
    direction: options.direction,
    statuses: options.statuses,
    limit: options.perPage,
    offset: (options.page - 1) * options.perPage,
  });
  const ids = [...new Set([...own, ...rows.flatMap((r) => [r.fromOrganisationId, r.toOrganisationId])])];
  const organisations = new Map(
    await Promise.all(ids.map(async (id) => [id, await getOrganisationBrief(ctx.db, id)] as const)),
  );
  if (rows.length)
    await auditReferral(ctx.db, ctx, 'listed', null, {
      direction: options.direction,
      ids: rows.map((r) => r.id),
    });
  return {
    rows: rows.map((r) => ({
      ...r,
      isNew: ctx.actor.kind === 'person' && (!r.seenAt || r.seenAt < r.updatedAt),
    })),
    total,
    organisations,
    own,
  };
}

/**
 * For the menu: how many of the person's referrals changed since they last looked; null for
 * someone who handles no referrals (the menu then has no referrals link).
 */
export async function countReferralsToSee(
  db: Executor,
  actor: ReferralActor & { kind: 'person' },
): Promise<number | null> {
  const own = await handlingOrganisations(db, actor);
  return own.length ? countUnseen(db, actor.userId, own) : null;
}
