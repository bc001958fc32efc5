// Every answer to a survey, for its owners' CSV: the survey and the answers, oldest first. The file
// carries every written answer, so each export is audited (who, when, how many answers).
import { AppError } from '../../../../shared/errors.ts';
import type { KeyRing } from '../../../../shared/field-encryption.ts';
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { auditAction } from '../../../audit/index.ts';
import { openAnswers } from '../survey-texts.ts';
import type { SurveyAnswers } from '../survey.vocabulary.ts';
import { presentSurvey, type SurveyView } from '../survey-view.ts';
import { requireSurveyOwner } from '../surveys.policy.ts';
import { findResponses, findSurveyBySlug } from '../surveys.repo.ts';

export async function exportAnswers(
  ctx: UseCaseContext & { keys: KeyRing },
  slug: string,
): Promise<{ survey: SurveyView; answers: { submittedAt: Date; answers: SurveyAnswers }[] }> {
  const row = await findSurveyBySlug(ctx.db, slug);
  if (!row) throw new AppError('NOT_FOUND');
  await requireSurveyOwner(ctx.db, ctx.actor, row.organisationId);
  return ctx.db.transaction(async (tx) => {
    const responses = await findResponses(tx, row.id);
    await auditAction(tx, ctx, {
      event: 'survey.answers_exported',
      subjectType: 'survey',
      subjectId: row.id,
      details: { answers: responses.length },
    });
    return {
      survey: presentSurvey(row, ctx.now),
      answers: responses.map((r) => ({ submittedAt: r.submittedAt, answers: openAnswers(ctx.keys, r) })),
    };
  });
}
