// People, sessions and one-time links: sign-up, log-in, password reset, the account pages.
import * as accountsSchema from './accounts.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { accountsWeb } from './accounts.web.ts';
import { deleteStaleDevices } from './login-devices.ts';
import { deleteExpiredSessions } from './accounts.repo.ts';

const errors = moduleErrors('accounts', {
  USER_NOT_FOUND: 404,
  LOGIN_FAILED: 401,
  EMAIL_NOT_VERIFIED: 403,
});

export const accountsModule = {
  name: 'accounts',
  tables: tablesOf(accountsSchema),
  errors,
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
} satisfies ModuleManifest;
