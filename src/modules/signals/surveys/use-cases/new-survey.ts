// The builder's first form for a new survey, for its would-be owners only: one empty question,
// opening today and closing in four weeks, results shown once it has closed.
import { DateTime } from 'luxon';
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { brussels } from '../check-survey.ts';
import { emptyQuestion, type SurveyDraft } from '../survey-draft.ts';
import { requireSurveyOwner } from '../surveys.policy.ts';

export async function newSurvey(ctx: UseCaseContext, organisationId: string | null): Promise<SurveyDraft> {
  await requireSurveyOwner(ctx.db, ctx.actor, organisationId);
  const today = DateTime.fromJSDate(ctx.now, { zone: brussels });
  return {
    title: {},
    intro: {},
    theme: '',
    opensOn: today.toISODate()!,
    opensTime: today.toFormat('HH:mm'),
    closesOn: today.plus({ weeks: 4 }).toISODate()!,
    closesTime: '23:59',
    results: 'after_close',
    questions: [emptyQuestion()],
  };
}
