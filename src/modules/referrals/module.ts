// Closed-loop referrals between organisations: pages, the API with organisations' tokens, the menu
// badge, and the hourly and nightly deadlines.
import * as referralsSchema from './referrals.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { referralBadge } from './referral-badge.web.ts';
import { referralsApi } from './referrals.api.ts';
import { referralsWeb } from './referrals.web.ts';
import { apiTokensWeb } from './api-tokens.web.ts';
import { referralAnalysisWeb } from './analysis.web.ts';
import { purgeClosedReferrals } from './use-cases/purge-closed-referrals.ts';
import { runReferralDeadlines } from './use-cases/run-referral-deadlines.ts';

const errors = moduleErrors('referrals', {
  /** Also for referrals that exist but are not the asker's to see. */
  REFERRAL_NOT_FOUND: 404,
  /** The other person handling the referral answered it a moment before. */
  REFERRAL_CHANGED: 409,
  /** Declining a referral whose work has started: its outcome is recorded instead. */
  REFERRAL_STARTED: 409,
  /** Referring elsewhere follows only a referral that ended "not helped" or "came back". */
  REFERRAL_NOT_FOR_FOLLOW_UP: 409,
});

export const referralsModule = {
  name: 'referrals',
  tables: tablesOf(referralsSchema),
  errors,
  routes: {
    root: [referralBadge],
    pages: [referralsWeb, apiTokensWeb, referralAnalysisWeb],
    api: [referralsApi],
  },
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
} satisfies ModuleManifest;
