// The in-app side of referral notifications: for a signed-in person who handles referrals, every
// page's menu shows how many referrals changed since they last opened them.
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Executor } from '../../db/client.ts';
import type { WebDeps } from '../../http/deps.ts';
import { personActor } from './referral-request.web.ts';
import { countReferralsToSee } from './use-cases/list-referrals.ts';

export const referralBadge = fp<WebDeps>(async (app, deps) => {
  app.decorateRequest('referralsToSee', null);
  app.addHook('preHandler', async (request) => {
    const user = request.signedIn?.user;
    // Pages only: the API, assets and form posts do not draw a menu.
    if (
      !user ||
      request.method !== 'GET' ||
      request.url.startsWith('/api') ||
      request.url.startsWith('/assets')
    )
      return;
    await refreshReferralBadge(request, deps.db);
  });
});

/**
 * Counts again for the menu. The hook counts before the handler runs; a page that marks a referral
 * seen (opening it) calls this afterwards, or its own menu would still count it as new.
 */
export async function refreshReferralBadge(request: FastifyRequest, db: Executor): Promise<void> {
  const user = request.signedIn?.user;
  if (!user) return;
  request.referralsToSee = await countReferralsToSee(db, personActor(user));
}
