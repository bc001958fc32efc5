// An organisation's surveys (or the network's, for the moderators), newest first, with how many
// answered each: for their owners only; to anyone else the list does not exist.
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { presentSurvey, type SurveyView } from '../survey-view.ts';
import { requireSurveyOwner } from '../surveys.policy.ts';
import { findSurveysOf } from '../surveys.repo.ts';

export type SurveySummary = SurveyView & { responses: number };

export async function listSurveys(
  ctx: UseCaseContext,
  organisationId: string | null,
): Promise<SurveySummary[]> {
  const owner = await requireSurveyOwner(ctx.db, ctx.actor, organisationId);
  const rows = await findSurveysOf(ctx.db, owner);
  return rows.map(({ survey, responses }) => ({ ...presentSurvey(survey, ctx.now), responses }));
}
