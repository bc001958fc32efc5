// An organisation's own figures over the last 12 months: referrals sent and received, how fast
// answers came, and how they ended. Only its own referral handlers see them; the persons are
// theirs already, so no cell is hidden here (analysts' views hide small cells).
import { sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.ts';
import { handlingOrganisations } from '../referral-access.ts';
import type { ReferralContext } from '../referral-context.ts';
import { referrals } from '../referrals.schema.ts';
import type { DeclineReason, Outcome, ReferralStatus } from '../referrals.vocabulary.ts';

export interface DirectionFigures {
  total: number;
  byStatus: Partial<Record<ReferralStatus, number>>;
  byOutcome: Partial<Record<Outcome, number>>;
  byDeclineReason: Partial<Record<DeclineReason, number>>;
  /** Hours from sending to the receiver's first answer: median and the slowest tenth. */
  answerHours: { median: number | null; p90: number | null; answered: number };
}

export interface ReferralFigures {
  since: Date;
  sent: DirectionFigures;
  received: DirectionFigures;
}

const yearMs = 365 * 24 * 60 * 60 * 1000;

export async function referralFigures(
  ctx: ReferralContext,
  organisationId: string,
): Promise<ReferralFigures> {
  const own = await handlingOrganisations(ctx.db, ctx.actor);
  if (!own.includes(organisationId)) throw new AppError('ORGANISATION_NOT_FOUND');
  const since = new Date(ctx.now.getTime() - yearMs);
  const [sent, received] = await Promise.all([
    figures(ctx, sql`${referrals.fromOrganisationId} = ${organisationId}`, since),
    figures(ctx, sql`${referrals.toOrganisationId} = ${organisationId}`, since),
  ]);
  return { since, sent, received };
}

async function figures(
  ctx: ReferralContext,
  side: ReturnType<typeof sql>,
  since: Date,
): Promise<DirectionFigures> {
  const where = sql`${side} and ${referrals.status} <> 'draft' and ${referrals.sentAt} >= ${since}`;
  const { rows: groups } = await ctx.db.execute<{
    status: ReferralStatus;
    outcome: Outcome | null;
    decline_reason: DeclineReason | null;
    n: number;
  }>(sql`select ${referrals.status} as status, ${referrals.outcome} as outcome,
      ${referrals.declineReason} as decline_reason, count(*)::int as n
    from ${referrals} where ${where} group by 1, 2, 3`);
  const { rows: timing } = await ctx.db.execute<{
    median: number | null;
    p90: number | null;
    answered: number;
  }>(
    sql`select percentile_cont(0.5) within group (order by h) as median,
        percentile_cont(0.9) within group (order by h) as p90, count(h)::int as answered
      from (select extract(epoch from ${referrals.firstAnswerAt} - ${referrals.sentAt}) / 3600 as h
        from ${referrals} where ${where} and ${referrals.firstAnswerAt} is not null) answers`,
  );
  const result: DirectionFigures = {
    total: 0,
    byStatus: {},
    byOutcome: {},
    byDeclineReason: {},
    answerHours: {
      median: timing[0]?.median ?? null,
      p90: timing[0]?.p90 ?? null,
      answered: timing[0]?.answered ?? 0,
    },
  };
  for (const g of groups) {
    result.total += g.n;
    result.byStatus[g.status] = (result.byStatus[g.status] ?? 0) + g.n;
    if (g.outcome) result.byOutcome[g.outcome] = (result.byOutcome[g.outcome] ?? 0) + g.n;
    if (g.decline_reason)
      result.byDeclineReason[g.decline_reason] = (result.byDeclineReason[g.decline_reason] ?? 0) + g.n;
  }
  return result;
}
