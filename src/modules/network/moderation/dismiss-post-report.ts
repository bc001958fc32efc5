// A moderator closes a report without hiding the post: nothing wrong with it.
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { isModerator } from '../../access/index.ts';
import type { NetworkContext } from '../network-context.ts';
import { auditPost } from '../questions/questions-audit.ts';
import { resolvePostReports } from './post-reports.repo.ts';

export async function dismissPostReport(ctx: NetworkContext, reportId: string): Promise<void> {
  if (!isModerator(ctx.actor)) throw new AppError('FORBIDDEN');
  const id = reportId.toLowerCase();
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    if (!(await resolvePostReports(tx, { reportId: id }, ctx.actor.userId, ctx.now)))
      throw new AppError('NOT_FOUND');
    await auditPost(tx, ctx, 'post_report_dismissed', { type: 'post_report', id });
  });
}
