// Need signals: what organisations, their integrations and visitors see in a neighbourhood, as
// anonymous evidence for policy. (Surveys and the evidence map join this module next; see issue 13.)
import * as signalsSchema from './signals.schema.ts';
import * as surveysSchema from './surveys/surveys.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { signalsApi } from './signals.api.ts';
import { signalsWeb } from './signals.web.ts';
import { surveyErrors } from './surveys/survey-errors.ts';
import { surveyAnswerWeb } from './surveys/survey-answer.web.ts';
import { surveysWeb } from './surveys/surveys.web.ts';
import { evidenceApi } from './evidence/evidence.api.ts';
import { evidenceSpriteWeb, evidenceWeb } from './evidence/evidence.web.ts';
import { EvidenceService } from './evidence/evidence-service.ts';
import { evidenceSourcesAsOf } from './evidence/evidence-sources.ts';
import { derivedKey } from '../../shared/field-encryption.ts';
import { afterSearchReady } from '../search/index.ts';

declare module '../../http/deps.ts' {
  interface Services {
    /** This process's published evidence cube (evidence/evidence-service.ts). */
    evidence: EvidenceService;
  }
}

export const signalsModule = {
  name: 'signals',
  tables: tablesOf(signalsSchema, surveysSchema),
  errors: { ...surveyErrors },
  routes: {
    pages: [signalsWeb, surveysWeb, surveyAnswerWeb, evidenceWeb],
    api: [signalsApi, evidenceApi],
    root: [evidenceSpriteWeb],
  },
  // The evidence cube, rebuilt by each process every 30 s (see evidence-service.ts for why not a job).
  start: ({ db, log, keys, services }) => {
    const now = () => new Date();
    const evidence = new EvidenceService(db, {
      sources: evidenceSourcesAsOf(now),
      // The secret behind the noise of the evidence map's numbers (evidence/perturbation.ts).
      keySecret: derivedKey(keys, 'evidence-cell-keys').toString('hex'),
      now,
      onError: (error) => log.error({ err: error }, 'evidence cube'),
    });
    // After the search index's load, which it slowed: a page asking before builds the cube itself.
    afterSearchReady(
      services.search,
      () => evidence.start(),
      (error) => log.error({ err: error }, 'evidence cube'),
    );
    return { services: { evidence }, close: () => evidence.close() };
  },
} satisfies ModuleManifest;
