// A moderator closes a report once the listing is put right (or the report was unfounded).
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { auditAction } from '../../audit/index.ts';
import { requireModerator } from '../moderation.policy.ts';
import { markReportResolved } from './reports.repo.ts';

export async function resolveReport(ctx: UseCaseContext, reportId: string): Promise<void> {
  requireModerator(ctx.actor);
  if (!isUuid(reportId)) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    // Unknown, or resolved a moment ago by another moderator: either way nothing to do here.
    if (!(await markReportResolved(tx, reportId, ctx.actor.userId, ctx.now))) throw new AppError('NOT_FOUND');
    await auditAction(tx, ctx, { event: 'report.resolved', subjectType: 'report', subjectId: reportId });
  });
}
