// The checks of a path before anything is written: its texts, each card, and the whole graph of
// cards (every card reachable from the first, the end reachable from every card, choices leading
// to cards that exist). Every problem at once, each with the field of the form it belongs to and
// the key of its translated message ("fields.<code>"). A problem of the whole path names its card
// by its place, in the field "card-<n>", so the page can say which card.
import type { FieldProblem } from '../../../shared/errors.ts';
import { AppError } from '../../../shared/errors.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { endOfPath, followingCard, learningLimits as limits, slugPattern } from '../learning.vocabulary.ts';
import type { Card } from './cards.ts';
import { keysReachingEnd, reachableKeys } from './path-graph.ts';

const problem = (field: string, code: string, message = code): FieldProblem => ({ field, message, code });

export function refuseIf(problems: FieldProblem[]): void {
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
}

/** A text that must be there in nl, fr and en, each trimmed and at most `max` long. */
export function checkText(
  field: string,
  value: I18nText,
  max: number,
  problems: FieldProblem[],
  required = true,
): I18nText {
  const out: I18nText = {};
  for (const l of locales) {
    const text = (value[l] ?? '').trim();
    if (text) out[l] = text;
  }
  const present = Object.keys(out).length;
  if (required ? present < locales.length : present > 0 && present < locales.length)
    problems.push(problem(field, 'learning_text_missing'));
  else if (Object.values(out).some((t) => t.length > max))
    problems.push(problem(field, 'learning_text_long', `at most ${max} characters`));
  return out;
}

export interface PathDetails {
  slug: string;
  title: I18nText;
  summary: I18nText;
}

export function checkDetails(input: PathDetails, problems: FieldProblem[]): PathDetails {
  const slug = input.slug.trim().toLowerCase();
  if (slug.length < limits.slug.min || slug.length > limits.slug.max || !slugPattern.test(slug))
    problems.push(problem('slug', 'learning_slug'));
  const title = checkText('title', input.title, limits.title, problems);
  const summary = checkText('summary', input.summary, limits.summary, problems, false);
  return { slug, title, summary };
}

const isNext = (next: string) => next === followingCard || next === endOfPath || /^k[0-9a-f]{10}$/.test(next);

/** One card's own fields, named as the card's form names them. */
export function checkCard(card: Card, problems: FieldProblem[]): Card {
  const text = checkText('text', card.text, limits.text, problems);
  const nextProblem = (field: string, next: string) => {
    if (!isNext(next)) problems.push(problem(field, 'learning_next_unknown'));
  };
  if (card.kind === 'text') {
    const concepts = [...new Set(card.concepts.map((c) => c.trim().toLowerCase()).filter(Boolean))];
    if (concepts.length > limits.concepts || concepts.some((c) => c.length > 100 || !slugPattern.test(c)))
      problems.push(problem('concepts', 'learning_concept_unknown'));
    const services = [...new Set(card.services.map((s) => s.trim().toLowerCase()).filter(Boolean))];
    if (services.length > limits.services || services.some((s) => !isUuid(s)))
      problems.push(problem('services', 'learning_service_unknown'));
    nextProblem('next', card.next);
    return { ...card, text, concepts, services };
  }
  if (card.kind === 'situation') {
    if (card.choices.length < limits.choices.min || card.choices.length > limits.choices.max)
      problems.push(problem('choices', 'learning_choices_count'));
    const choices = card.choices.map((c, i) => {
      nextProblem(`choice${i + 1}.next`, c.next);
      return {
        ...c,
        label: checkText(`choice${i + 1}.label`, c.label, limits.label, problems),
        feedback: checkText(`choice${i + 1}.feedback`, c.feedback, limits.feedback, problems),
      };
    });
    return { ...card, text, choices };
  }
  if (card.kind === 'quiz') {
    if (card.options.length < limits.options.min || card.options.length > limits.options.max)
      problems.push(problem('options', 'learning_options_count'));
    else if (!card.options.some((o) => o.correct)) problems.push(problem('options', 'learning_quiz_correct'));
    const options = card.options.map((o, i) => ({
      ...o,
      label: checkText(`option${i + 1}.label`, o.label, limits.label, problems),
    }));
    const feedback = checkText('feedback', card.feedback, limits.feedback, problems);
    nextProblem('next', card.next);
    return { ...card, text, options, feedback };
  }
  problems.push(problem('kind', 'choose_one'));
  return card;
}

/** The whole list: its length, and where its cards lead. */
export function checkGraph(cards: readonly Card[], problems: FieldProblem[]): void {
  if (cards.length > limits.cards) problems.push(problem('cards', 'learning_cards_many'));
  const keys = new Set(cards.map((c) => c.key));
  const numbered = (card: Card, code: string, what: string) =>
    problems.push(
      problem(`card-${cards.indexOf(card) + 1}`, code, `card ${cards.indexOf(card) + 1} ${what}`),
    );
  for (const card of cards) {
    const nexts = card.kind === 'situation' ? card.choices.map((c) => c.next) : [card.next];
    if (nexts.some((n) => n !== followingCard && n !== endOfPath && !keys.has(n)))
      numbered(card, 'learning_next_unknown', 'leads to a card that does not exist');
  }
  if (problems.length) return;
  const reachable = reachableKeys(cards);
  const reachingEnd = keysReachingEnd(cards);
  for (const card of cards) {
    if (!reachable.has(card.key)) numbered(card, 'learning_card_unreachable', 'cannot be reached');
    else if (!reachingEnd.has(card.key)) numbered(card, 'learning_card_dead_end', 'never leads to the end');
  }
}

/** A path's cards, each checked and then the whole, or VALIDATION_FAILED with every problem. */
export function checkCards(cards: readonly Card[]): Card[] {
  const problems: FieldProblem[] = [];
  const checked = cards.map((c, i) => {
    const own: FieldProblem[] = [];
    const card = checkCard(c, own);
    problems.push(...own.map((p) => ({ ...p, field: `card-${i + 1}.${p.field}` })));
    return card;
  });
  if (!problems.length) checkGraph(checked, problems);
  refuseIf(problems);
  return checked;
}
