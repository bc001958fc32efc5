// Organisations run by their members: registering, claims, invitations, members, vouching; the
// daily freshness reminders.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { claimsWeb } from './claims/claims.web.ts';
import { membersWeb } from './members/members.web.ts';
import { registerWeb } from './register/register.web.ts';
import { sendFreshnessReminders } from './use-cases/send-freshness-reminders.ts';

export const membershipModule: ModuleManifest = {
  name: 'membership',
  routes: { pages: [registerWeb, claimsWeb, membersWeb] },
  jobs: ({ database, origin, mailQueued }) => [
    {
      name: 'freshness-reminders',
      cron: '0 9 * * *',
      run: async () => {
        const result = await sendFreshnessReminders(database.db, { origin, now: new Date() });
        mailQueued();
        return result;
      },
    },
  ],
};
