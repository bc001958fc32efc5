// Organisations run by their members: registering, claims, invitations, members, vouching; the
// daily freshness reminders.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { membershipWeb } from './membership.web.ts';
import { sendFreshnessReminders } from './use-cases/send-freshness-reminders.ts';

export const membershipModule: ModuleManifest = {
  name: 'membership',
  routes: { pages: [membershipWeb] },
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
