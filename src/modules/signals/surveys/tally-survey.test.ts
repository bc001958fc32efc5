// Counting a survey's answers, and what of them the public may see.
import { describe, expect, it } from 'vitest';
import { surveyNames } from './survey-names.ts';
import type { SurveyAnswers, SurveyQuestion } from './survey.vocabulary.ts';
import { tallySurvey } from './tally-survey.ts';
import { csvText } from './views/survey-csv.ts';

const q = (id: string, kind: SurveyQuestion['kind']): SurveyQuestion => ({
  id,
  kind,
  prompt: { en: id },
  options: [{ en: 'yes' }, { en: 'no' }],
  required: false,
});
const questions = [q('pick', 'single'), q('num', 'number'), q('text', 'text'), q('scale', 'scale')];
const answers: SurveyAnswers[] = [
  { pick: 0, num: 1, text: 'Marie from number 12', scale: 5 },
  { pick: 0, num: 3 },
  { pick: 1, num: 8 },
  { pick: 0, num: 4 },
  { pick: 1, num: 2, scale: 4 },
];
const names = surveyNames();

describe('tallySurvey', () => {
  it('gives owners every count with its share, numbers’ mean and median, and the texts', () => {
    const [pick, num, text, scale] = tallySurvey(questions, answers, { owner: true, names });
    expect(pick).toMatchObject({
      answered: 5,
      rows: [
        { label: { en: 'yes' }, count: 3, percent: 60 },
        { label: { en: 'no' }, count: 2, percent: 40 },
      ],
    });
    expect(num).toMatchObject({ answered: 5, mean: 3.6, median: 3 });
    expect(text).toMatchObject({ answered: 1, texts: ['Marie from number 12'], withheld: false });
    expect(scale).toMatchObject({ answered: 2, withheld: false });
    expect((scale as { rows: { count: number }[] }).rows.map((r) => r.count)).toEqual([0, 0, 0, 1, 1]);
  });

  it('gives the public no texts, and no breakdown of a question under five answers', () => {
    const [pick, num, text, scale] = tallySurvey(questions, answers, { owner: false, names });
    expect(pick).toMatchObject({ withheld: false, answered: 5 });
    expect(num).toMatchObject({ withheld: false, mean: 3.6 });
    expect(text).toMatchObject({ withheld: true, texts: [] });
    expect(scale).toMatchObject({ withheld: true, answered: 2, rows: [] });
    const [fewer] = tallySurvey(questions, answers.slice(0, 4), { owner: false, names });
    expect(fewer).toMatchObject({ withheld: true, rows: [], answered: 4 });
  });
});

describe('csvText', () => {
  it('never lets a spreadsheet read a text as a formula', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'plain'].map(csvText)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      'plain',
    ]);
    expect(csvText('a "quoted", text')).toBe('"a ""quoted"", text"');
  });
});
