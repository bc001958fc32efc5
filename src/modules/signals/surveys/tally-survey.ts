// The results of a survey, question by question: how many chose each option (or step, or quartier)
// with the share of those who answered it; for numbers the mean and median; free texts as written.
// What the public may not see is left out here, not only hidden on the page: free texts always,
// any question's breakdown while fewer than five people answered it, and any count under five
// (shared/small-cells.ts: where a question's rows add up to the number who answered it, enough
// rows are hidden that no hidden count can be worked out by subtraction).
import type { I18nText } from '../../../shared/i18n-text.ts';
import { protectCounts, smallestShownCount } from '../../../shared/small-cells.ts';
import type { Quartier } from '../../geo/index.ts';
import { type SurveyAnswers, publicMinimum, type SurveyQuestion } from './survey.vocabulary.ts';

export interface CountRow {
  label: I18nText;
  /** Null: fewer than five, or hidden so that such a count cannot be worked out. */
  count: number | null;
  /** Of those who answered the question, rounded to a whole percent; null when the count is hidden. */
  percent: number | null;
  /** The public's "other quartiers" row: the quartiers whose counts are hidden, together. */
  others?: true;
}

interface Base {
  question: SurveyQuestion;
  /** Null for the public when fewer than five answered the question. */
  answered: number | null;
  /** The breakdown is withheld from the public: too few answers, or free text. */
  withheld: boolean;
}

export type QuestionResult =
  | (Base & { kind: 'counts'; rows: CountRow[] })
  | (Base & { kind: 'number'; mean: number | null; median: number | null })
  | (Base & { kind: 'text'; texts: string[] });

export interface TallyNames {
  quartier(code: number): (Quartier & { communeName: I18nText }) | undefined;
}

const percentOf = (count: number, of: number) => (of ? Math.round((count / of) * 100) : 0);

function counts(keys: (string | number)[], labels: Map<string, I18nText>, answered: number): CountRow[] {
  const tally = new Map<string, number>([...labels.keys()].map((k) => [k, 0]));
  for (const key of keys) tally.set(String(key), (tally.get(String(key)) ?? 0) + 1);
  return [...tally].map(([key, count]) => ({
    label: labels.get(key) ?? { en: key },
    count,
    percent: percentOf(count, answered),
  }));
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function resultOf(question: SurveyQuestion, given: SurveyAnswers[], names: TallyNames): QuestionResult {
  const values = given.map((a) => a[question.id]).filter((v) => v !== undefined);
  const answered = values.length;
  const base = { question, answered, withheld: false };
  switch (question.kind) {
    case 'single':
    case 'multiple': {
      const labels = new Map(question.options.map((o, i) => [String(i), o]));
      return { ...base, kind: 'counts', rows: counts(values.flat(), labels, answered) };
    }
    case 'scale': {
      const labels = new Map([1, 2, 3, 4, 5].map((n) => [String(n), { nl: `${n}`, fr: `${n}`, en: `${n}` }]));
      return { ...base, kind: 'counts', rows: counts(values.flat(), labels, answered) };
    }
    case 'quartier': {
      const labels = new Map<string, I18nText>();
      for (const code of values as number[]) {
        const q = names.quartier(code);
        if (q && !labels.has(String(code)))
          labels.set(String(code), {
            nl: `${q.name.nl} (${q.communeName.nl})`,
            fr: `${q.name.fr} (${q.communeName.fr})`,
            en: `${q.name.en} (${q.communeName.en})`,
          });
      }
      const rows = counts(values as number[], labels, answered).sort((a, b) => b.count! - a.count!);
      return { ...base, kind: 'counts', rows };
    }
    case 'number': {
      const numbers = values as number[];
      const mean = numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null;
      return { ...base, kind: 'number', mean, median: median(numbers) };
    }
    case 'text':
      return { ...base, kind: 'text', texts: values as string[] };
  }
}

/**
 * A question's rows as the public sees them. One choice, a step of the scale or a quartier: each
 * person is in one row and the number who answered is shown, so the rows are protected together
 * (protectCounts). Several choices do not add up to anything shown: hiding each count under five
 * is enough. A quartier whose count is hidden is not named at all (naming it says someone there
 * answered): such quartiers are one "other quartiers" row, whose count is worked out from the rest
 * anyway and is five or more.
 */
function publicRows(question: SurveyQuestion, rows: CountRow[], answered: number): CountRow[] {
  const raw = rows.map((r) => r.count!);
  const shown =
    question.kind === 'multiple'
      ? raw.map((n) => (n > 0 && n < smallestShownCount ? null : n))
      : protectCounts(raw);
  const protectedRows = rows.map((row, i) =>
    shown[i] === null ? { ...row, count: null, percent: null } : row,
  );
  if (question.kind !== 'quartier') return protectedRows;
  const named = protectedRows.filter((row) => row.count !== null);
  const hidden = raw.reduce((sum, n, i) => sum + (shown[i] === null ? n : 0), 0);
  if (!hidden) return named;
  return [...named, { label: {}, count: hidden, percent: percentOf(hidden, answered), others: true }];
}

/** What the public may see of one question's result. */
function forPublic(result: QuestionResult): QuestionResult {
  const answered = result.answered ?? 0;
  const enough = answered >= publicMinimum;
  const base = { answered: enough ? answered : null, withheld: true };
  if (result.kind === 'text') return { ...result, ...base, texts: [] };
  if (!enough && result.kind === 'counts') return { ...result, ...base, rows: [] };
  if (!enough && result.kind === 'number') return { ...result, ...base, mean: null, median: null };
  if (result.kind === 'counts')
    return { ...result, rows: publicRows(result.question, result.rows, answered) };
  return result;
}

/** Every question's result; for the public, withheld breakdowns carry no numbers or texts at all. */
export function tallySurvey(
  questions: SurveyQuestion[],
  given: SurveyAnswers[],
  { owner, names }: { owner: boolean; names: TallyNames },
): QuestionResult[] {
  return questions.map((question) => {
    const result = resultOf(question, given, names);
    return owner ? result : forPublic(result);
  });
}

/**
 * How many answers the public's results count: the oldest, in whole steps of five. A reload after
 * one new answer then shows the same numbers, and never one person's answers as the difference.
 */
export const publiclyCounted = (responses: number) => Math.floor(responses / publicMinimum) * publicMinimum;
