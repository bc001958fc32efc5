// Anyone, with or without an account, says a question or an answer should not be there: a reason
// and perhaps a message, for the moderators. Limited per person or address, so reports cannot
// flood the moderators' list.
import { recordAudit } from '../../audit/index.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import type { RateLimiter } from '../../../shared/rate-limiter.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { postLimits, type PostReportReason, postReportReasons } from '../network.vocabulary.ts';
import type { PostKind } from './find-post.ts';
import { findReportablePost } from './reportable-post.ts';
import { insertPostReport } from './post-reports.repo.ts';

export async function reportPost(
  ctx: UseCaseContext<Actor | null>,
  limit: RateLimiter,
  post: { kind: PostKind; id: string },
  input: { reason: string; message: string },
): Promise<{ questionId: string }> {
  const found = await findReportablePost(ctx.db, ctx.actor, post);
  const problems: FieldProblem[] = [];
  const reason = input.reason as PostReportReason;
  if (!postReportReasons.includes(reason))
    problems.push({ field: 'reason', message: 'choose_one', code: 'choose_one' });
  const message = input.message.trim();
  if (message.length > postLimits.reportMessage)
    problems.push({ field: 'message', message: 'too_long', code: 'too_long_1000' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  await limit.consume(ctx.actor ? `user:${ctx.actor.userId}` : `ip:${ctx.ip ?? ''}`);
  return ctx.db.transaction(async (tx) => {
    const id = await insertPostReport(tx, {
      questionId: post.kind === 'question' ? found.id : null,
      answerId: post.kind === 'answer' ? found.id : null,
      reason,
      message,
      reportedBy: ctx.actor?.userId ?? null,
      now: ctx.now,
    });
    await recordAudit(tx, {
      event: 'network.post_reported',
      actorId: ctx.actor?.userId ?? null,
      actorEmail: ctx.actor?.email ?? null,
      subjectType: post.kind,
      subjectId: found.id,
      ip: ctx.ip,
      details: { report: id, reason },
    });
    return { questionId: found.question.id };
  });
}
