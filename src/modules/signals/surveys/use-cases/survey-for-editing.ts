// A survey in the builder form, for its owners: all of it while nobody answered, else only the
// closing moment may change (change-survey.ts).
import { AppError } from '../../../../shared/errors.ts';
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { draftOf } from '../check-survey.ts';
import type { SurveyDraft } from '../survey-draft.ts';
import { presentSurvey, type SurveyView } from '../survey-view.ts';
import { requireSurveyOwner } from '../surveys.policy.ts';
import { countResponses, findSurveyBySlug } from '../surveys.repo.ts';

export async function surveyForEditing(
  ctx: UseCaseContext,
  slug: string,
): Promise<{ survey: SurveyView; draft: SurveyDraft; responses: number }> {
  const row = await findSurveyBySlug(ctx.db, slug);
  if (!row) throw new AppError('NOT_FOUND');
  await requireSurveyOwner(ctx.db, ctx.actor, row.organisationId);
  return {
    survey: presentSurvey(row, ctx.now),
    draft: draftOf(row),
    responses: await countResponses(ctx.db, row.id),
  };
}
