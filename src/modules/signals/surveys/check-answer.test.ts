// One person's answers, checked by the kind of each question.
import { describe, expect, it } from 'vitest';
import { geoReference } from '../../geo/index.ts';
import { checkAnswers, readNumber } from './check-answer.ts';
import type { SurveyQuestion } from './survey.vocabulary.ts';

const q = (id: string, kind: SurveyQuestion['kind'], required = false): SurveyQuestion => ({
  id,
  kind,
  prompt: { en: id },
  options: kind === 'single' || kind === 'multiple' ? [{ en: 'a' }, { en: 'b' }, { en: 'c' }] : [],
  required,
});
const questions = [
  q('one', 'single', true),
  q('many', 'multiple'),
  q('scale', 'scale'),
  q('num', 'number'),
  q('text', 'text'),
  q('where', 'quartier'),
];
const quartier = geoReference().quartiers[0]!;

describe('checkAnswers', () => {
  it('keeps each answer as its kind says, and the quartier for the map', () => {
    const { value } = checkAnswers(questions, {
      'a-one': '2',
      'a-many': ['2', '0', '2'],
      'a-scale': '5',
      'a-num': ' -2,5 ',
      'a-text': '  Plus de\nbancs  ',
      'a-where': String(quartier.code),
    });
    expect(value).toEqual({
      answers: { one: 2, many: [0, 2], scale: 5, num: -2.5, text: 'Plus de bancs', where: quartier.code },
      place: { quartierCode: quartier.code, communeNis: quartier.communeNis },
    });
  });

  it('names every wrong answer on its question', () => {
    const { problems, value } = checkAnswers(questions, {
      'a-one': '3',
      'a-many': ['1', '-1'],
      'a-scale': '0',
      'a-num': '1e9',
      'a-text': 'x'.repeat(501),
      'a-where': '99999',
    });
    expect(value).toBeUndefined();
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'a-one:survey_answer_choice',
      'a-many:survey_answer_choice',
      'a-scale:survey_answer_scale',
      'a-num:survey_answer_number',
      'a-text:survey_answer_text_long',
      'a-where:survey_answer_quartier',
    ]);
  });

  it('refuses several values for one quartier or one short text, as for one choice', () => {
    const other = geoReference().quartiers[1]!;
    const { problems, value } = checkAnswers(questions, {
      'a-one': ['0', '1'],
      'a-text': ['first', 'second'],
      'a-where': [String(quartier.code), String(other.code)],
    });
    expect(value).toBeUndefined();
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'a-one:survey_answer_choice',
      'a-text:survey_answer_text_one',
      'a-where:survey_answer_quartier',
    ]);
  });

  it('asks for a needed answer, and refuses an empty one', () => {
    expect(checkAnswers(questions, { 'a-many': '1' }).problems.map((p) => p.code)).toEqual([
      'survey_answer_required',
    ]);
    expect(checkAnswers([q('many', 'multiple')], {}).problems.map((p) => p.code)).toEqual([
      'survey_answer_empty',
    ]);
    expect(
      checkAnswers([q('text', 'text')], { 'a-text': 'Mon numéro: 85.07.30-033.28' }).problems.map(
        (p) => p.code,
      ),
    ).toEqual(['survey_answer_national_number']);
    expect(checkAnswers([q('num', 'number')], { 'a-num': '2000000000' }).problems.map((p) => p.code)).toEqual(
      ['survey_answer_number_range'],
    );
  });

  it('reads numbers as people type them', () => {
    expect([readNumber('12'), readNumber('2,5'), readNumber('2.5'), readNumber('1 000')]).toEqual([
      12, 2.5, 2.5, 1000,
    ]);
    expect([readNumber(''), readNumber('a'), readNumber('1,2,3'), readNumber('Infinity')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});
