// Every answer to a survey as CSV, for its owners: one line per answer, one column per question,
// options and quartiers by name in the reader's language. Texts are never read as formulas by a
// spreadsheet (a leading =, +, -, @ or tab gets a quote), numbers stay numbers.
import { DateTime } from 'luxon';
import type { PageContext } from '../../../../http/request-context.ts';
import { pickText } from '../../../../shared/i18n-text.ts';
import type { TallyNames } from '../tally-survey.ts';
import type { SurveyAnswers, SurveyQuestion } from '../survey.vocabulary.ts';

/** RFC 4180, and no formula: a text starting with =, +, -, @, a tab or a return gets a leading quote. */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cell(
  ctx: PageContext,
  question: SurveyQuestion,
  value: SurveyAnswers[string] | undefined,
  names: TallyNames,
) {
  if (value === undefined) return '';
  const option = (i: number) => pickText(question.options[i], ctx.locale)?.text ?? String(i + 1);
  switch (question.kind) {
    case 'single':
      return csvText(option(value as number));
    case 'multiple':
      return csvText((value as number[]).map(option).join('; '));
    case 'scale':
    case 'number':
      // A number from the check (check-answer.ts), written as such: never text, never a formula.
      return String(Number(value));
    case 'text':
      return csvText(String(value));
    case 'quartier': {
      const q = names.quartier(Number(value));
      const name = q
        ? `${pickText(q.name, ctx.locale)?.text} (${pickText(q.communeName, ctx.locale)?.text})`
        : '';
      return csvText(name);
    }
  }
}

export function surveyCsv(
  ctx: PageContext,
  questions: SurveyQuestion[],
  answers: { submittedAt: Date; answers: SurveyAnswers }[],
  names: TallyNames,
): string {
  const header = [
    ctx.t.t('signals.survey.csv.submitted'),
    ...questions.map((q) => pickText(q.prompt, ctx.locale)?.text ?? q.id),
  ].map(csvText);
  const lines = answers.map((a) => [
    DateTime.fromJSDate(a.submittedAt, { zone: 'Europe/Brussels' }).toFormat('yyyy-MM-dd HH:mm'),
    ...questions.map((q) => cell(ctx, q, a.answers[q.id], names)),
  ]);
  return [header, ...lines].map((line) => line.join(',')).join('\r\n') + '\r\n';
}
