// A learner's step on a card: going on from a text, taking a choice of a situation, or answering a
// quiz. Taken only on the card the learner is at (their progress: the first card when they have
// none, or when the card they were at is gone); a step posted to any other card moves and counts
// nothing, and the learner is sent back to where they are. The choice (or the options chosen) is
// counted anonymously: one more in learning_choice_counts, with no user, session, address or time;
// a quiz also counts a right or a wrong answer. The counts are gathered in memory and written in
// batches mixing learners (choice-tally.ts), never in the transaction that saves a signed-in
// learner's progress. Not counted for a draft (its composers preview it) nor when the caller gives
// no tally (an address over its limit). A visitor's progress comes back to be kept in their
// browser. No audit entry: it would name the learner.
import { AppError } from '../../../shared/errors.ts';
import type { LearnerContext } from '../learning-context.ts';
import { endOfPath } from '../learning.vocabulary.ts';
import type { Card } from '../paths/cards.ts';
import { resolveNext } from '../paths/path-graph.ts';
import type { PathRow } from '../paths/paths.repo.ts';
import type { ChoiceTally } from './choice-tally.ts';
import { saveProgress } from './progress.repo.ts';
import type { Progress } from './progress.ts';

export type Step =
  { kind: 'continue' } | { kind: 'choose'; choice: string } | { kind: 'answer'; options: string[] };

export type StepTaken =
  | {
      kind: 'taken';
      /** The card that comes next, or endOfPath. */
      next: string;
      progress: Progress;
      /** The choice taken, or the options chosen: only keys of the card. */
      accepted: string[];
      /** For a quiz: whether the answer was right. */
      right?: boolean;
    }
  /** Not the card the learner is at: the card they are at, or null for the path's first page. */
  | { kind: 'elsewhere'; at: string | null };

/** The card a learner may take a step on: theirs, or the first when they have none (any more). */
export function cardOfLearner(progress: Progress | null, cards: readonly Card[]): string | null {
  if (progress?.cardKey && cards.some((c) => c.key === progress.cardKey)) return progress.cardKey;
  return cards[0]?.key ?? null;
}

const refused = (field: string) =>
  new AppError('VALIDATION_FAILED', {
    fields: [{ field, message: 'learning_choose', code: 'learning_choose' }],
  });

function outcome(card: Card, index: number, cards: readonly Card[], step: Step) {
  if (card.kind === 'situation') {
    if (step.kind !== 'choose') throw refused('choice');
    const choice = card.choices.find((c) => c.key === step.choice);
    if (!choice) throw refused('choice');
    return { next: resolveNext(cards, index, choice.next), accepted: [choice.key], counted: [choice.key] };
  }
  if (card.kind === 'quiz') {
    if (step.kind !== 'answer') throw refused('options');
    const chosen = card.options.filter((o) => step.options.includes(o.key));
    if (!chosen.length) throw refused('options');
    const right = card.options.every((o) => o.correct === chosen.includes(o));
    const accepted = chosen.map((o) => o.key);
    const counted = [...accepted, right ? 'right' : 'wrong'];
    return { next: resolveNext(cards, index, card.next), accepted, counted, right };
  }
  if (step.kind !== 'continue') throw refused('step');
  return { next: resolveNext(cards, index, card.next), accepted: [], counted: [] };
}

export async function takeStep(
  ctx: LearnerContext,
  path: PathRow,
  cardKey: string,
  step: Step,
  before: Progress | null,
  tally: Pick<ChoiceTally, 'add'> | null,
): Promise<StepTaken> {
  const index = path.cards.findIndex((c) => c.key === cardKey);
  if (index < 0) throw new AppError('LEARNING_CARD_NOT_FOUND');
  const at = cardOfLearner(before, path.cards);
  if (at !== cardKey) return { kind: 'elsewhere', at: before?.cardKey === at ? at : null };
  const { next, accepted, counted, right } = outcome(path.cards[index]!, index, path.cards, step);
  const progress: Progress =
    next === endOfPath
      ? { cardKey: null, completedAt: ctx.now }
      : { cardKey: next, completedAt: before?.completedAt ?? null };
  if (ctx.actor) await saveProgress(ctx.db, ctx.actor.userId, path.id, progress, ctx.now);
  if (tally && path.status === 'published') tally.add(path.id, cardKey, counted);
  return { kind: 'taken', next, progress, accepted, right };
}
