// Reports from visitors, the moderators' queue, verification and the audit log page.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moderationWeb } from './moderation.web.ts';

export const moderationModule: ModuleManifest = { name: 'moderation', routes: { pages: [moderationWeb] } };
