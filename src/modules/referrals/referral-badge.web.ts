// The in-app side of referral notifications: for a signed-in person who handles referrals, every
// page's menu shows how many referrals changed since they last opened them.
import fp from 'fastify-plugin';
import type { WebDeps } from '../../http/deps.ts';
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
    request.referralsToSee = await countReferralsToSee(deps.db, {
      kind: 'person',
      userId: user.id,
      email: user.email,
      emailVerified: user.emailVerifiedAt !== null,
    });
  });
});
