// An organisation's posts fulfilled via the exchange, for its public page in the directory: how
// many of its requests found help, and how many of its offers were taken. One indexed count.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { OrganisationFiguresSource } from '../../directory/index.ts';
import { exchangePosts } from '../exchange.schema.ts';
import { exchangeEditionOf } from '../exchange-edition.ts';

export async function countFulfilled(
  db: Executor,
  organisationId: string,
): Promise<{ requests: number; offers: number }> {
  if (!isUuid(organisationId)) return { requests: 0, offers: 0 };
  const [row] = await db
    .select({
      requests: sql<number>`count(*) filter (where ${exchangePosts.direction} = 'request')::int`,
      offers: sql<number>`count(*) filter (where ${exchangePosts.direction} = 'offer')::int`,
    })
    .from(exchangePosts)
    .where(
      and(
        eq(exchangePosts.organisationId, organisationId.toLowerCase()),
        eq(exchangePosts.status, 'fulfilled'),
        eq(exchangePosts.isDemo, false),
      ),
    );
  return { requests: row?.requests ?? 0, offers: row?.offers ?? 0 };
}

export const fulfilledFigures: OrganisationFiguresSource = {
  name: 'exchange-fulfilled',
  async figures(db, organisationId) {
    const { requests, offers } = await countFulfilled(db, organisationId);
    return [
      { key: 'exchange.figures.requests_fulfilled', count: requests },
      { key: 'exchange.figures.offers_fulfilled', count: offers },
    ];
  },
  // Fulfilled posts are posts: their edition moves with every change of a post (migration 0035).
  edition: exchangeEditionOf,
};
