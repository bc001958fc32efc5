// A composer moves a card one place up or down; the path must still hold together afterwards
// (a card that followed another may then be out of reach, and the move is refused).
import { AppError } from '../../../shared/errors.ts';
import type { LearningContext } from '../learning-context.ts';
import { changeCards } from './change-cards.ts';

export function moveCard(
  ctx: LearningContext,
  pathId: string,
  version: number,
  key: string,
  direction: 'up' | 'down',
): Promise<{ id: string }> {
  return changeCards(
    ctx,
    pathId,
    version,
    (cards) => {
      const from = cards.findIndex((c) => c.key === key);
      if (from < 0) throw new AppError('LEARNING_CARD_NOT_FOUND');
      const to = direction === 'up' ? from - 1 : from + 1;
      if (to < 0 || to >= cards.length) return cards;
      const moved = [...cards];
      [moved[from], moved[to]] = [moved[to]!, moved[from]!];
      return moved;
    },
    { event: 'card_moved', card: key },
  );
}
