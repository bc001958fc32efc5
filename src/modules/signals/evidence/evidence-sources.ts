// The three sources of the evidence cube (see ../evidence-source.ts for the contract).
import { type EvidenceQuery, withAllThemes } from '../evidence-source.ts';
import { surveyEvidence } from '../surveys/survey-evidence.ts';
import { referralEvidence } from './referral-evidence.ts';
import { signalEvidence } from './signal-evidence.ts';

export function evidenceSourcesAsOf(now: () => Date): EvidenceQuery[] {
  const surveys = surveyEvidence(now);
  // A survey has one theme: its answers' "all themes" rows are the sums of their theme rows.
  return [
    signalEvidence,
    async (db, keySecret) => withAllThemes(await surveys(db, keySecret)),
    referralEvidence(now),
  ];
}
