// Every answer to a survey as CSV, for its owners: one line per answer, one column per question,
// options and quartiers by name in the reader's language, and the day of answering only (a time
// to the minute could tell who answered, met at a meeting). Texts are never read as formulas by a
// spreadsheet (shared/csv.ts), numbers stay numbers; a byte order mark makes Excel read UTF-8.
import { DateTime } from 'luxon';
import type { PageContext } from '../../../../http/request-context.ts';
import { csvField, csvLines, utf8Bom } from '../../../../shared/csv.ts';
import { pickText } from '../../../../shared/i18n-text.ts';
import type { TallyNames } from '../tally-survey.ts';
import type { SurveyAnswers, SurveyQuestion } from '../survey.vocabulary.ts';

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
      return csvField(option(value as number));
    case 'multiple':
      return csvField((value as number[]).map(option).join('; '));
    case 'scale':
    case 'number':
      // A number from the check (check-answer.ts), written as such: never text, never a formula.
      return String(Number(value));
    case 'text':
      return csvField(String(value));
    case 'quartier': {
      const q = names.quartier(Number(value));
      const name = q
        ? `${pickText(q.name, ctx.locale)?.text} (${pickText(q.communeName, ctx.locale)?.text})`
        : '';
      return csvField(name);
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
  ].map(csvField);
  const lines = answers.map((a) => [
    DateTime.fromJSDate(a.submittedAt, { zone: 'Europe/Brussels' }).toISODate()!,
    ...questions.map((q) => cell(ctx, q, a.answers[q.id], names)),
  ]);
  return utf8Bom + csvLines([header, ...lines]);
}
