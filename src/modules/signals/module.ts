// Need signals: what organisations, their integrations and visitors see in a neighbourhood, as
// anonymous evidence for policy. (Surveys and the evidence map join this module next; see issue 13.)
import * as signalsSchema from './signals.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { signalsApi } from './signals.api.ts';
import { signalsWeb } from './signals.web.ts';

export const signalsModule = {
  name: 'signals',
  tables: tablesOf(signalsSchema),
  routes: { pages: [signalsWeb], api: [signalsApi] },
} satisfies ModuleManifest;
