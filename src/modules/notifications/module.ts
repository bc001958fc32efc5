// E-mail through the outbox; the development outbox page.
import * as notificationsSchema from './notifications.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { purgeSentMail } from './mail.ts';
import { outboxWeb } from './outbox.web.ts';

export const notificationsModule = {
  name: 'notifications',
  tables: tablesOf(notificationsSchema),
  routes: { pages: [outboxWeb] },
  jobs: ({ database }) => [
    {
      name: 'purge-sent-mail',
      cron: '45 3 * * *',
      run: async () => ({ deleted: await purgeSentMail(database.db, new Date()) }),
    },
  ],
} satisfies ModuleManifest;
