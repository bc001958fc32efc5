// Memberships and the rules on them; no routes of its own.
import type { ModuleManifest } from '../../http/module-manifest.ts';

export const accessModule: ModuleManifest = { name: 'access' };
