// The one way a path's cards change (a card saved, moved or removed): in one transaction, the path
// locked at the version the composer saw, the change applied to the whole list, the whole list
// checked again (every card reachable, the end reachable from each; a published path keeps one), written with a new version,
// and an audit entry. A refused change leaves the path as it was.
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { auditLearning } from '../learning-audit.ts';
import type { LearningContext } from '../learning-context.ts';
import { requireComposerOf } from '../learning.policy.ts';
import type { Card } from './cards.ts';
import { checkGraph, refuseIf } from './check-path.ts';
import { lockPath, updatePath } from './paths.repo.ts';

export async function changeCards(
  ctx: LearningContext,
  pathId: string,
  version: number,
  change: (cards: Card[]) => Card[],
  audit: { event: string; card: string },
): Promise<{ id: string; version: number }> {
  return ctx.db.transaction(async (tx) => {
    const path = await lockPath(tx, pathId);
    await requireComposerOf(tx, ctx.actor, path);
    if (path.version !== version) throw new AppError('CONFLICT');
    const cards = change(path.cards);
    const problems: FieldProblem[] = [];
    // A published path with no card would be an empty page to learners.
    if (path.status === 'published' && !cards.length)
      problems.push({ field: 'cards', message: 'learning_last_card', code: 'learning_last_card' });
    checkGraph(cards, problems);
    refuseIf(problems);
    const next = await updatePath(tx, path.id, { cards }, ctx.now);
    await auditLearning(tx, ctx, audit.event, { type: 'learning_path', id: path.id }, { card: audit.card });
    return { id: path.id, version: next };
  });
}
