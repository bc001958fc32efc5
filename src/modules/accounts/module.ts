// People, sessions and one-time links: sign-up, log-in, password reset, the account pages.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { accountsWeb } from './accounts.web.ts';
import { deleteStaleDevices } from './login-devices.ts';
import { deleteExpiredSessions } from './accounts.repo.ts';

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  routes: { pages: [accountsWeb] },
  jobs: ({ database }) => [
    {
      name: 'expired-sessions',
      cron: '30 3 * * *',
      run: async () => ({
        deleted: await deleteExpiredSessions(database.db, new Date()),
        browsers: await deleteStaleDevices(database.db, new Date()),
      }),
    },
  ],
};
