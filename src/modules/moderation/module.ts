// Reports from visitors (reports/), the moderators' queue (queue/) with verifying listings
// (verification/: the directory's step, with the check on memberships and claims), and the audit log
// page (audit-log/). Vouching is the directory's (directory/trust), claims are membership's.
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
