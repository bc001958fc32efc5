import { describe, expect, it } from 'vitest';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import type { Card, SituationCard, TextCard } from './cards.ts';
import { checkCard, checkCards, checkDetails } from './check-path.ts';

const all = (s: string) => ({ nl: `${s} nl`, fr: `${s} fr`, en: `${s} en` });
const text = (key: string, next = ''): TextCard => ({
  key,
  kind: 'text',
  text: all('Tekst'),
  concepts: [],
  services: [],
  next,
});
const situation = (key: string, ...nexts: string[]): SituationCard => ({
  key,
  kind: 'situation',
  text: all('Situatie'),
  choices: nexts.map((next, i) => ({
    key: `kc${i}00000000`,
    label: all('Keuze'),
    feedback: all('Uitleg'),
    next,
  })),
});
const k = (n: number) => `k${String(n).padStart(10, '0')}`;

function refused(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    return (error as AppError).fields.map((f) => `${f.field}:${f.code}`);
  }
  throw new Error('not refused');
}

describe('checkCards', () => {
  it('takes a branching path whose branches meet again', () => {
    const cards: Card[] = [situation(k(1), k(2), k(3)), text(k(2), k(4)), text(k(3)), text(k(4), 'end')];
    expect(checkCards(cards)).toHaveLength(4);
  });

  it('refuses a card nothing leads to, naming it by its place', () => {
    const cards: Card[] = [situation(k(1), k(3), 'end'), text(k(2)), text(k(3), 'end')];
    expect(refused(() => checkCards(cards))).toEqual(['card-2:learning_card_unreachable']);
  });

  it('refuses a loop that never reaches the end, and a choice leading to a card that is not there', () => {
    expect(refused(() => checkCards([text(k(1)), text(k(2), k(1))]))).toEqual([
      'card-1:learning_card_dead_end',
      'card-2:learning_card_dead_end',
    ]);
    expect(refused(() => checkCards([situation(k(1), k(9), 'end')]))).toEqual([
      'card-1:learning_next_unknown',
    ]);
  });

  it('refuses a text missing in one language, too few choices, too many cards', () => {
    const card = { ...situation(k(1), 'end'), text: { nl: 'Alleen Nederlands', fr: ' ', en: '' } };
    expect(refused(() => checkCards([card]))).toEqual([
      'card-1.text:learning_text_missing',
      'card-1.choices:learning_choices_count',
    ]);
    const many = Array.from({ length: 31 }, (_, i) => text(k(i + 1)));
    expect(refused(() => checkCards(many))).toContain('cards:learning_cards_many');
  });

  it('asks a quiz for one right option at least, and each text not too long', () => {
    const problems: FieldProblem[] = [];
    checkCard(
      {
        key: k(1),
        kind: 'quiz',
        text: all('Vraag'),
        options: [
          { key: k(5), label: all('Ja'), correct: false },
          { key: k(6), label: { ...all('Nee'), fr: 'x'.repeat(301) }, correct: false },
        ],
        feedback: all('Uitleg'),
        next: '',
      },
      problems,
    );
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'options:learning_quiz_correct',
      'option2.label:learning_text_long',
    ]);
  });
});

describe('checkDetails', () => {
  it('wants a slug of small letters and dashes and a title in every language; a summary in all or none', () => {
    const problems: FieldProblem[] = [];
    const out = checkDetails({ slug: ' Papers-101 ', title: all('Titel'), summary: {} }, problems);
    expect(out.slug).toBe('papers-101');
    expect(problems).toEqual([]);
    checkDetails({ slug: 'a b', title: { nl: 'Titel' }, summary: { en: 'Only English' } }, problems);
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'slug:learning_slug',
      'title:learning_text_missing',
      'summary:learning_text_missing',
    ]);
  });
});
