// Open standards over the directory: the Open Referral HSDS 3.0 read API.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { hsdsApi } from './hsds.api.ts';

export const interopModule: ModuleManifest = { name: 'interop', routes: { hsds: [hsdsApi] } };
