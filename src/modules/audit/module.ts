// The append-only audit log; other modules record into it through index.ts. Its page is in moderation.
import * as auditSchema from './audit.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';

export const auditModule = { name: 'audit', tables: tablesOf(auditSchema) } satisfies ModuleManifest;
