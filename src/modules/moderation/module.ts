// Reports from visitors, the moderators' queue, verification and the audit log page.
import * as moderationSchema from './moderation.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moderationWeb } from './moderation.web.ts';

export const moderationModule: ModuleManifest = {
  name: 'moderation',
  tables: tablesOf(moderationSchema),
  routes: { pages: [moderationWeb] },
};
