// E-mail through the outbox; the development outbox page.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { purgeSentMail } from './mail.ts';
import { outboxWeb } from './outbox.web.ts';

export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  routes: { pages: [outboxWeb] },
  jobs: ({ database }) => [
    {
      name: 'purge-sent-mail',
      cron: '45 3 * * *',
      run: async () => ({ deleted: await purgeSentMail(database.db, new Date()) }),
    },
  ],
};
