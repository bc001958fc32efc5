// A composer adds a card at the end of a path, or changes one of its cards: the card's own fields
// and links checked first, then the whole path with it (change-cards.ts). A new card, choice or
// option gets a new key (and so does a second one posted with the same key); those that stay keep theirs, so progress and choice counts still apply.
import type { FieldProblem } from '../../../shared/errors.ts';
import { AppError } from '../../../shared/errors.ts';
import type { LearningContext } from '../learning-context.ts';
import { type Card, newKey } from './cards.ts';
import { changeCards } from './change-cards.ts';
import { checkCard, refuseIf } from './check-path.ts';
import { checkLinks } from './check-links.ts';

const keyShape = /^k[0-9a-f]{10}$/;
/** Keeps each well-formed key once: a second choice (or option) with the same key gets a new one. */
function keeper() {
  const seen = new Set<string>();
  return (key: string | undefined) => {
    const kept = key && keyShape.test(key) && !seen.has(key) ? key : newKey();
    seen.add(kept);
    return kept;
  };
}

/** `card.key` empty for a new card. */
export async function saveCard(
  ctx: LearningContext,
  pathId: string,
  version: number,
  card: Card,
): Promise<{ id: string; key: string }> {
  const adding = !card.key;
  const keyed: Card = { ...card, key: adding ? newKey() : card.key };
  const keep = keeper();
  if (keyed.kind === 'situation') keyed.choices = keyed.choices.map((c) => ({ ...c, key: keep(c.key) }));
  if (keyed.kind === 'quiz') keyed.options = keyed.options.map((o) => ({ ...o, key: keep(o.key) }));
  const problems: FieldProblem[] = [];
  const checked = checkCard(keyed, problems);
  refuseIf(problems);
  await checkLinks(ctx.db, checked, problems);
  refuseIf(problems);
  const { id } = await changeCards(
    ctx,
    pathId,
    version,
    (cards) => {
      if (adding) return [...cards, checked];
      const index = cards.findIndex((c) => c.key === checked.key);
      if (index < 0) throw new AppError('LEARNING_CARD_NOT_FOUND');
      return cards.with(index, checked);
    },
    { event: adding ? 'card_added' : 'card_changed', card: checked.key },
  );
  return { id, key: checked.key };
}
