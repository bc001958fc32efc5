// The results of a survey, question by question: how many chose each option (or step, or quartier)
// with the share of those who answered it; for numbers the mean and median; free texts as written.
// What the public may not see is left out here, not only hidden on the page: free texts always,
// and any question's breakdown while fewer than five people answered it.
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { Quartier } from '../../geo/index.ts';
import { type SurveyAnswers, publicMinimum, type SurveyQuestion } from './survey.vocabulary.ts';

export interface CountRow {
  label: I18nText;
  count: number;
  /** Of those who answered the question, rounded to a whole percent. */
  percent: number;
}

interface Base {
  question: SurveyQuestion;
  answered: number;
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
      const rows = counts(values as number[], labels, answered).sort((a, b) => b.count - a.count);
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

/** Every question's result; for the public, withheld breakdowns carry no numbers or texts at all. */
export function tallySurvey(
  questions: SurveyQuestion[],
  given: SurveyAnswers[],
  { owner, names }: { owner: boolean; names: TallyNames },
): QuestionResult[] {
  return questions.map((question) => {
    const result = resultOf(question, given, names);
    if (owner) return result;
    if (result.kind === 'text') return { ...result, texts: [], withheld: true };
    if (result.answered >= publicMinimum) return result;
    if (result.kind === 'counts') return { ...result, rows: [], withheld: true };
    return { ...result, mean: null, median: null, withheld: true };
  });
}
