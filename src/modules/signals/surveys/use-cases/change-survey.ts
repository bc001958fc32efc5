// Changing a survey: all of it until the first answer; after that only the closing moment (to end
// it early or let it run longer), since changed questions would no longer match the answers given.
// An owner who changed the whole survey in a form loaded before someone answered is told so, and
// nothing is stored: her changes are never dropped without a word.
import { AppError } from '../../../../shared/errors.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { auditAction } from '../../../audit/index.ts';
import { getTaxonomy } from '../../../directory/index.ts';
import { checkClosing, checkSurvey } from '../check-survey.ts';
import type { SurveyDraft } from '../survey-draft.ts';
import { requireSurveyOwner } from '../surveys.policy.ts';
import { countResponses, lockSurvey, updateSurvey } from '../surveys.repo.ts';

/** What the owner's form held: the whole survey, or only its closing moment. */
export type ChangeScope = 'all' | 'closing';

export async function changeSurvey(
  ctx: UseCaseContext,
  slug: string,
  draft: SurveyDraft,
  scope: ChangeScope,
): Promise<{ onlyClosing: boolean; organisationId: string | null }> {
  const themeCodes = new Set((await getTaxonomy(ctx.db)).byCode.keys());
  return ctx.db.transaction(async (tx) => {
    const survey = await lockSurvey(tx, slug);
    if (!survey) throw new AppError('NOT_FOUND');
    await requireSurveyOwner(tx, ctx.actor, survey.organisationId);
    const answered = (await countResponses(tx, survey.id)) > 0;
    if (answered && scope === 'all') throw new AppError('SURVEY_ANSWERED_MEANWHILE');
    const onlyClosing = answered || scope === 'closing';
    let closesAt: Date;
    if (onlyClosing) {
      const problems: FieldProblem[] = [];
      const closing = checkClosing(draft, survey.opensAt, ctx.now, (field, code) =>
        problems.push({ field, message: code, code }),
      );
      if (!closing) throw new AppError('VALIDATION_FAILED', { fields: problems });
      closesAt = closing;
      await updateSurvey(tx, survey.id, { closesAt, updatedAt: ctx.now });
    } else {
      const { problems, value } = checkSurvey(draft, { themeCodes, now: ctx.now });
      if (!value) throw new AppError('VALIDATION_FAILED', { fields: problems });
      closesAt = value.closesAt;
      await updateSurvey(tx, survey.id, { ...value, updatedAt: ctx.now });
    }
    await auditAction(tx, ctx, {
      event: onlyClosing ? 'survey.closing_changed' : 'survey.changed',
      subjectType: 'survey',
      subjectId: survey.id,
      details: { closesAtBefore: survey.closesAt.toISOString(), closesAtAfter: closesAt.toISOString() },
    });
    return { onlyClosing, organisationId: survey.organisationId };
  });
}
