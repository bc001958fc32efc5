// Where each card of a path leads, and what the checks of a path need from that: the cards a
// learner can reach from the first, and those from which the end can be reached. A text card and a
// quiz lead to one place, a situation to one per choice; "following" is the next card in order, or
// the end after the last.
import { endOfPath, followingCard } from '../learning.vocabulary.ts';
import type { Card } from './cards.ts';

/** The card key (or endOfPath) that `next` names from the card at `index`. */
export function resolveNext(cards: readonly Pick<Card, 'key'>[], index: number, next: string): string {
  if (next === followingCard) return cards[index + 1]?.key ?? endOfPath;
  return next;
}

/** Every place a card leads to, resolved. */
export function targetsOf(cards: readonly Card[], index: number): string[] {
  const card = cards[index]!;
  const nexts = card.kind === 'situation' ? card.choices.map((c) => c.next) : [card.next];
  return nexts.map((n) => resolveNext(cards, index, n));
}

/** The keys of the cards a learner can reach from the first one. */
export function reachableKeys(cards: readonly Card[]): Set<string> {
  const indexOf = new Map(cards.map((c, i) => [c.key, i]));
  const seen = new Set<string>();
  const queue = cards.length ? [cards[0]!.key] : [];
  while (queue.length) {
    const key = queue.shift()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const index = indexOf.get(key);
    if (index === undefined) continue;
    for (const target of targetsOf(cards, index)) if (indexOf.has(target)) queue.push(target);
  }
  return seen;
}

/** The keys of the cards from which the end of the path can be reached (a loop that never ends is not). */
export function keysReachingEnd(cards: readonly Card[]): Set<string> {
  const reaching = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    cards.forEach((card, index) => {
      if (reaching.has(card.key)) return;
      if (targetsOf(cards, index).some((t) => t === endOfPath || reaching.has(t))) {
        reaching.add(card.key);
        grew = true;
      }
    });
  }
  return reaching;
}
