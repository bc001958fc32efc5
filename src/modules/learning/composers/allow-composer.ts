// A moderator allows an organisation of the directory to compose paths (its admins and editors).
import { AppError } from '../../../shared/errors.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { auditLearning } from '../learning-audit.ts';
import type { LearningContext } from '../learning-context.ts';
import { requireModerator } from '../learning.policy.ts';
import { insertComposer } from './composers.repo.ts';

/** The organisation's id, or the address of its page in the directory, as pasted. */
export function organisationIdIn(input: string): string | null {
  return (
    /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(input)?.[1]?.toLowerCase() ?? null
  );
}

const refused = () =>
  new AppError('VALIDATION_FAILED', {
    fields: [
      { field: 'organisation', message: 'learning_composer_unknown', code: 'learning_composer_unknown' },
    ],
  });

export async function allowComposer(ctx: LearningContext, input: string): Promise<{ id: string }> {
  requireModerator(ctx.actor);
  const id = input.length <= 500 ? organisationIdIn(input) : null;
  if (!id) throw refused();
  try {
    await getOrganisationBrief(ctx.db, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'ORGANISATION_NOT_FOUND') throw refused();
    throw error;
  }
  return ctx.db.transaction(async (tx) => {
    if (await insertComposer(tx, id, ctx.actor.userId, ctx.now))
      await auditLearning(tx, ctx, 'composer_allowed', { type: 'organisation', id });
    return { id };
  });
}
