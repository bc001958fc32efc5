// The append-only audit log; other modules record into it through index.ts. Its page is in moderation.
import type { ModuleManifest } from '../../http/module-manifest.ts';

export const auditModule: ModuleManifest = { name: 'audit' };
