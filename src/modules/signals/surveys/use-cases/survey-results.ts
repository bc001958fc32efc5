// A survey's results. Its owners (as for the CSV: members with a confirmed address, or the
// moderators) see every count and the free texts, always; the public sees them as the owners chose
// (while it runs, or once it has closed), never free texts, no count under five, and only the
// oldest answers in whole steps of five (tally-survey.ts).
import { AppError } from '../../../../shared/errors.ts';
import type { Actor } from '../../../../shared/actor.ts';
import type { KeyRing } from '../../../../shared/field-encryption.ts';
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { surveyNames } from '../survey-names.ts';
import { openAnswers } from '../survey-texts.ts';
import { presentSurvey, type SurveyView } from '../survey-view.ts';
import { readsAsSurveyOwner } from '../surveys.policy.ts';
import { countResponses, findCountedAnswers, findResponses, findSurveyBySlug } from '../surveys.repo.ts';
import { publiclyCounted, type QuestionResult, tallySurvey } from '../tally-survey.ts';

export interface SurveyResults {
  survey: SurveyView;
  owner: boolean;
  /** False while the public waits for the survey to close. */
  shown: boolean;
  /** The answers counted: all for the owners, for the public the oldest in steps of five (0 while hidden). */
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
  const names = surveyNames();
  if (await readsAsSurveyOwner(ctx.db, ctx.actor, row.organisationId)) {
    const responses = await findResponses(ctx.db, row.id);
    const given = responses.map((r) => openAnswers(ctx.keys, r));
    const results = tallySurvey(row.questions, given, { owner: true, names });
    return { survey, owner: true, shown: true, responses: responses.length, results };
  }
  const shown = row.resultsVisibility === 'while_open' || survey.state === 'closed';
  if (!shown) return { survey, owner: false, shown, responses: 0, results: [] };
  const counted = publiclyCounted(await countResponses(ctx.db, row.id));
  const given = counted ? (await findCountedAnswers(ctx.db, row.id, counted)).map((r) => r.answers) : [];
  const results = tallySurvey(row.questions, given, { owner: false, names });
  return { survey, owner: false, shown, responses: counted, results };
}
