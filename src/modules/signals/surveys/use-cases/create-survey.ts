// Building a survey: a member for her organisation, or a moderator for the whole network. Checked
// whole (title, dates, 1 to 30 questions), stored in one go with an unguessable link, and audited.
import { randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/errors.ts';
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { auditAction } from '../../../audit/index.ts';
import { getTaxonomy } from '../../../directory/index.ts';
import { checkSurvey } from '../check-survey.ts';
import type { SurveyDraft } from '../survey-draft.ts';
import { requireSurveyOwner } from '../surveys.policy.ts';
import { insertSurvey } from '../surveys.repo.ts';

/** 128 random bits: a survey is found only by those given its link. */
export const newSlug = () => randomBytes(16).toString('base64url');

export async function createSurvey(
  ctx: UseCaseContext,
  organisationId: string | null,
  draft: SurveyDraft,
): Promise<{ slug: string }> {
  const owner = await requireSurveyOwner(ctx.db, ctx.actor, organisationId);
  const themeCodes = new Set((await getTaxonomy(ctx.db)).byCode.keys());
  const { problems, value } = checkSurvey(draft, { themeCodes, now: ctx.now });
  if (!value) throw new AppError('VALIDATION_FAILED', { fields: problems });
  const id = randomUUID();
  const slug = newSlug();
  await ctx.db.transaction(async (tx) => {
    await insertSurvey(tx, {
      id,
      slug,
      organisationId: owner,
      createdBy: ctx.actor.userId,
      ...value,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await auditAction(tx, ctx, {
      event: 'survey.created',
      subjectType: 'survey',
      subjectId: id,
      details: { questions: value.questions.length, ...(owner ? { organisationId: owner } : {}) },
    });
  });
  return { slug };
}
