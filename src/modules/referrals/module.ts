// Closed-loop referrals between organisations: pages, the API with organisations' tokens, the menu
// badge, and the hourly and nightly deadlines.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { referralBadge } from './referral-badge.web.ts';
import { referralsApi } from './referrals.api.ts';
import { referralsWeb } from './referrals.web.ts';
import { purgeClosedReferrals } from './use-cases/purge-closed-referrals.ts';
import { runReferralDeadlines } from './use-cases/run-referral-deadlines.ts';

export const referralsModule: ModuleManifest = {
  name: 'referrals',
  routes: { root: [referralBadge], pages: [referralsWeb], api: [referralsApi] },
  jobs: ({ database, origin, config, mailQueued }) => [
    {
      // Hourly, so a reminder comes about three working days after sending, at the same hour.
      name: 'referral-deadlines',
      cron: '5 * * * *',
      run: async () => {
        const result = await runReferralDeadlines(database.db, {
          now: new Date(),
          origin,
          settings: config.referrals,
        });
        mailQueued();
        return result;
      },
    },
    {
      name: 'referral-retention',
      cron: '15 3 * * *',
      run: async () =>
        purgeClosedReferrals(database.db, { now: new Date(), retentionDays: config.referrals.retentionDays }),
    },
  ],
};
