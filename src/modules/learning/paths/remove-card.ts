// A composer removes a card; refused while another card still leads to it, or when the rest would
// no longer hold together.
import { AppError } from '../../../shared/errors.ts';
import type { LearningContext } from '../learning-context.ts';
import { changeCards } from './change-cards.ts';

export function removeCard(
  ctx: LearningContext,
  pathId: string,
  version: number,
  key: string,
): Promise<{ id: string }> {
  return changeCards(
    ctx,
    pathId,
    version,
    (cards) => {
      if (!cards.some((c) => c.key === key)) throw new AppError('LEARNING_CARD_NOT_FOUND');
      return cards.filter((c) => c.key !== key);
    },
    { event: 'card_removed', card: key },
  );
}
