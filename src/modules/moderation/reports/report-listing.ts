// "This listing is wrong": anyone may say so, without an account. Limited per IP address so the
// form cannot flood the moderators' queue.
import type { Database } from '../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import type { RateLimiter } from '../../../shared/rate-limiter.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { insertReport } from './reports.repo.ts';
import { type ReportReason, reportReasons } from '../moderation.vocabulary.ts';

export async function reportListing(
  ctx: { db: Database; limit: RateLimiter; ip: string },
  organisationId: string,
  input: { reason: string; message: string },
): Promise<void> {
  const org = await getOrganisationBrief(ctx.db, organisationId);
  const problems: FieldProblem[] = [];
  if (!reportReasons.includes(input.reason as ReportReason))
    problems.push({ field: 'reason', message: 'choose a reason', code: 'choose_one' });
  const message = input.message.trim();
  if (message.length > 1_000)
    problems.push({ field: 'message', message: 'is too long', code: 'too_long_1000' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  await ctx.limit.consume(ctx.ip);
  await insertReport(ctx.db, { organisationId: org.id, reason: input.reason as ReportReason, message });
}
