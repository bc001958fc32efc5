// A survey's results. Its owners see every count and the free texts, always; the public sees them
// as the owners chose (while it runs, or once it has closed), never free texts, and no breakdown
// of a question fewer than five people answered.
import { AppError } from '../../../../shared/errors.ts';
import type { Actor } from '../../../../shared/actor.ts';
import type { KeyRing } from '../../../../shared/field-encryption.ts';
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { surveyNames } from '../survey-names.ts';
import { openAnswers } from '../survey-texts.ts';
import { presentSurvey, type SurveyView } from '../survey-view.ts';
import { isSurveyOwner } from '../surveys.policy.ts';
import { findResponses, findSurveyBySlug } from '../surveys.repo.ts';
import { type QuestionResult, tallySurvey } from '../tally-survey.ts';

export interface SurveyResults {
  survey: SurveyView;
  owner: boolean;
  /** False while the public waits for the survey to close. */
  shown: boolean;
  responses: number;
  results: QuestionResult[];
}

export async function surveyResults(
  ctx: UseCaseContext<Actor | null> & { keys: KeyRing },
  slug: string,
): Promise<SurveyResults> {
  const row = await findSurveyBySlug(ctx.db, slug);
  if (!row) throw new AppError('NOT_FOUND');
  const survey = presentSurvey(row, ctx.now);
  const owner = await isSurveyOwner(ctx.db, ctx.actor, row.organisationId);
  const responses = await findResponses(ctx.db, row.id);
  const shown = owner || row.resultsVisibility === 'while_open' || survey.state === 'closed';
  if (!shown) return { survey, owner, shown, responses: responses.length, results: [] };
  const results = tallySurvey(
    row.questions,
    // The public's tally never shows written answers, so they are opened for the owners only.
    responses.map((r) => (owner ? openAnswers(ctx.keys, r) : r.answers)),
    { owner, names: surveyNames() },
  );
  return { survey, owner, shown, responses: responses.length, results };
}
