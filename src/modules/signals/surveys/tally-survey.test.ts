// Counting a survey's answers, and what of them the public may see.
import { describe, expect, it } from 'vitest';
import { geoReference } from '../../geo/index.ts';
import { surveyNames } from './survey-names.ts';
import type { SurveyAnswers, SurveyQuestion } from './survey.vocabulary.ts';
import { type CountRow, publiclyCounted, type QuestionResult, tallySurvey } from './tally-survey.ts';

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

  it('gives the public no texts, no breakdown of a question under five answers, and no count under five', () => {
    const [pick, num, text, scale] = tallySurvey(questions, answers, { owner: false, names });
    // 3 and 2 of 5: both under five, hidden; the 5 who answered are shown.
    expect(pick).toMatchObject({ withheld: false, answered: 5 });
    expect(counted(pick!)).toEqual([null, null]);
    expect(num).toMatchObject({ withheld: false, mean: 3.6 });
    expect(text).toMatchObject({ withheld: true, texts: [], answered: null });
    expect(scale).toMatchObject({ withheld: true, answered: null, rows: [] });
    const [fewer] = tallySurvey(questions, answers.slice(0, 4), { owner: false, names });
    expect(fewer).toMatchObject({ withheld: true, rows: [], answered: null });
  });

  it('hides a 4/1 split so that the 1 can be neither seen nor worked out from the total', () => {
    const given: SurveyAnswers[] = [0, 0, 0, 0, 1].map((pick) => ({ pick }));
    const [pick] = tallySurvey([q('pick', 'single')], given, { owner: false, names });
    expect(pick!.answered).toBe(5);
    const rows = (pick as { rows: CountRow[] }).rows;
    expect(rows.map((r) => [r.count, r.percent])).toEqual([
      [null, null],
      [null, null],
    ]);
    // With a larger count beside it, that one is hidden as well (secondary suppression).
    const more: SurveyAnswers[] = [...Array(9).fill({ pick: 0 }), { pick: 1 }];
    expect(counted(tallySurvey([q('pick', 'single')], more, { owner: false, names })[0]!)).toEqual([
      null,
      null,
    ]);
    // Owners see them.
    expect(counted(tallySurvey([q('pick', 'single')], given, { owner: true, names })[0]!)).toEqual([4, 1]);
  });

  it('hides each small count of a multiple choice, whose rows add up to no shown total', () => {
    const many = q('many', 'multiple');
    const given: SurveyAnswers[] = [[0, 1], [0], [0], [0], [0], [0]].map((v) => ({ many: v }));
    const [result] = tallySurvey([many], given, { owner: false, names });
    expect(result!.answered).toBe(6);
    expect(counted(result!)).toEqual([6, null]);
  });

  it('never names a quartier whose count is hidden: such quartiers are one row together', () => {
    const where = q('where', 'quartier');
    const [a, b, c] = geoReference().quartiers;
    const given: SurveyAnswers[] = [
      ...Array(6).fill({ where: a!.code }),
      ...Array(4).fill({ where: b!.code }),
      { where: c!.code },
    ];
    const [result] = tallySurvey([where], given, { owner: false, names });
    const rows = (result as { rows: CountRow[] }).rows;
    expect(rows.map((r) => [r.label.fr ?? null, r.count, r.others ?? false])).toEqual([
      [`${a!.name.fr} (${names.quartier(a!.code)!.communeName.fr})`, 6, false],
      [null, 5, true],
    ]);
    expect(JSON.stringify(result)).not.toContain(c!.name.fr!);
    expect(JSON.stringify(result)).not.toContain(b!.name.fr!);
  });

  it('counts the public’s answers in whole steps of five', () => {
    expect([0, 4, 5, 9, 10, 14, 15].map(publiclyCounted)).toEqual([0, 0, 5, 5, 10, 10, 15]);
  });
});

const counted = (result: QuestionResult) => (result as { rows: CountRow[] }).rows.map((r) => r.count);
