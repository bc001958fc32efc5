// A moderator publishes a visitor's signal (it counts from then on) or rejects it (spam, a person
// named, not a need). Decided once: the second moderator to answer is told it changed.
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { auditAction } from '../../audit/index.ts';
import { requireSignalModerator } from '../signals.policy.ts';
import { lockSignal, setSignalDecision } from '../signals.repo.ts';

export async function decideSignal(ctx: UseCaseContext, id: string, publish: boolean): Promise<void> {
  requireSignalModerator(ctx.actor);
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    const signal = await lockSignal(tx, id.toLowerCase());
    if (!signal) throw new AppError('NOT_FOUND');
    if (signal.status !== 'pending') throw new AppError('CONFLICT');
    const status = publish ? 'published' : 'rejected';
    await setSignalDecision(tx, signal.id, { status, decidedAt: ctx.now, decidedBy: ctx.actor.userId });
    await auditAction(tx, ctx, {
      event: `signal.${status}`,
      subjectType: 'need_signal',
      subjectId: signal.id,
    });
  });
}
