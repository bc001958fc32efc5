// Reports from visitors (reports/), the moderators' queue (queue/) and the audit log page
// (audit-log/). Verifying listings is the directory's (directory/trust), claims are membership's.
import * as moderationSchema from './moderation.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { auditLogWeb } from './audit-log/audit-log.web.ts';
import { queueWeb } from './queue/queue.web.ts';
import { reportsWeb } from './reports/reports.web.ts';

export const moderationModule = {
  name: 'moderation',
  tables: tablesOf(moderationSchema),
  routes: { pages: [reportsWeb, queueWeb, auditLogWeb] },
} satisfies ModuleManifest;
