// Open standards over the directory: the Open Referral HSDS 3.0 read API.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { hsdsApi } from './hsds.api.ts';

export const interopModule = { name: 'interop', routes: { hsds: [hsdsApi] } } satisfies ModuleManifest;
