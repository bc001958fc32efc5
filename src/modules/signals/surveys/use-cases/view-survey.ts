// A survey as the answer page shows it to anyone with its link: what it asks, and whether it runs.
import { AppError } from '../../../../shared/errors.ts';
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { presentSurvey, type SurveyView } from '../survey-view.ts';
import { findSurveyBySlug } from '../surveys.repo.ts';

export async function viewSurvey(ctx: UseCaseContext<unknown>, slug: string): Promise<SurveyView> {
  const row = await findSurveyBySlug(ctx.db, slug);
  if (!row) throw new AppError('NOT_FOUND');
  return presentSurvey(row, ctx.now);
}
