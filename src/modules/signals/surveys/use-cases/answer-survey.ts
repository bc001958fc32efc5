// Answering a survey: anyone with the link, without an account, while it runs. One answer per
// browser (the page keeps a cookie; a second answer is refused), a limit per address against
// floods, every question checked, and the answer stored whole or not at all. No audit entry: an
// entry with the time and address would tie an anonymous answer to a person.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/errors.ts';
import type { KeyRing } from '../../../../shared/field-encryption.ts';
import type { RateLimiter } from '../../../../shared/rate-limiter.ts';
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { type AnswerInput, checkAnswers } from '../check-answer.ts';
import { sealTexts } from '../survey-texts.ts';
import { surveyState, surveyVersion } from '../survey-view.ts';
import { findSurveyBySlug, insertResponse, lockSurvey } from '../surveys.repo.ts';

export interface AnswerContext extends UseCaseContext<null> {
  /** Answers per address and survey, so one machine cannot flood a survey. */
  limit: RateLimiter;
  /** This browser answered this survey before (its cookie says so). */
  answeredBefore: boolean;
  keys: KeyRing;
}

function refuseOutsideItsTime(survey: { opensAt: Date; closesAt: Date }, now: Date): void {
  const state = surveyState(survey, now);
  if (state === 'upcoming') throw new AppError('SURVEY_NOT_OPEN');
  if (state === 'closed') throw new AppError('SURVEY_CLOSED');
}

/**
 * `version` is the survey's as the visitor's form showed it (survey-view.ts): answers to questions
 * changed since then are refused, never stored against the new ones.
 */
export async function answerSurvey(
  ctx: AnswerContext,
  slug: string,
  input: AnswerInput,
  version: string | undefined,
): Promise<void> {
  const survey = await findSurveyBySlug(ctx.db, slug);
  if (!survey) throw new AppError('NOT_FOUND');
  refuseOutsideItsTime(survey, ctx.now);
  if (ctx.answeredBefore) throw new AppError('SURVEY_ALREADY_ANSWERED');
  const { problems, value } = checkAnswers(survey.questions, input);
  if (!value) throw new AppError('VALIDATION_FAILED', { fields: problems });
  // Counted once the answer is sound, so a mistyped number does not use up an address's tries.
  await ctx.limit.consume(`${ctx.ip ?? 'unknown'}:${survey.id}`);
  await ctx.db.transaction(async (tx) => {
    // The survey as it is now: it may have closed, or been changed, a moment ago.
    const current = await lockSurvey(tx, slug, 'share');
    if (!current) throw new AppError('NOT_FOUND');
    refuseOutsideItsTime(current, ctx.now);
    if (surveyVersion(current) !== version) throw new AppError('CONFLICT');
    const id = randomUUID();
    await insertResponse(tx, {
      id,
      surveyId: current.id,
      ...sealTexts(ctx.keys, current.questions, value.answers, id),
      quartierCode: value.place?.quartierCode ?? null,
      communeNis: value.place?.communeNis ?? null,
      submittedAt: ctx.now,
    });
  });
}
