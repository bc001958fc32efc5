// The three sources of the evidence cube (see ../evidence-source.ts for the contract).
import type { EvidenceQuery } from '../evidence-source.ts';
import { surveyEvidence } from '../surveys/survey-evidence.ts';
import { referralEvidence } from './referral-evidence.ts';
import { signalEvidence } from './signal-evidence.ts';

export function evidenceSourcesAsOf(now: () => Date): EvidenceQuery[] {
  return [signalEvidence, surveyEvidence, referralEvidence(now)];
}
