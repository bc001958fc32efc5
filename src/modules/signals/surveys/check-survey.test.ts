// The rules of a survey, before anything is stored: titles, dates in Brussels time, 1 to 30
// questions, options alike in every language.
import { describe, expect, it } from 'vitest';
import { brusselsMoment, checkSurvey, draftOf } from './check-survey.ts';
import { applyAction, draftValues, readAction, readDraft, type SurveyDraft } from './survey-draft.ts';

const rules = { themeCodes: new Set(['housing', 'food']), now: new Date('2026-12-04T10:00:00Z') };
const question = (kind = 'single', options: Record<string, string> = { fr: 'Oui\nNon' }) => ({
  id: 'abcdef01',
  kind,
  prompt: { fr: 'Une question ?' },
  options,
  required: false,
});
const draft = (change: Partial<SurveyDraft> = {}): SurveyDraft => ({
  title: { fr: 'Enquête' },
  intro: {},
  theme: 'housing',
  opensOn: '2026-12-04',
  opensTime: '',
  closesOn: '2026-12-31',
  closesTime: '',
  results: 'after_close',
  questions: [question()],
  ...change,
});
const codes = (d: SurveyDraft) => checkSurvey(d, rules).problems.map((p) => `${p.field}:${p.code}`);

describe('checkSurvey', () => {
  it('takes a sound survey, its moments in Brussels time', () => {
    const { value } = checkSurvey(draft(), rules);
    expect(value?.opensAt.toISOString()).toBe('2026-12-03T23:00:00.000Z');
    expect(value?.closesAt.toISOString()).toBe('2026-12-31T22:59:00.000Z');
    expect(value?.questions[0]).toEqual({
      id: 'abcdef01',
      kind: 'single',
      prompt: { fr: 'Une question ?' },
      options: [{ fr: 'Oui' }, { fr: 'Non' }],
      required: false,
    });
  });

  it('refuses no question and more than 30, with one message for 200', () => {
    expect(codes(draft({ questions: [] }))).toEqual(['questions:survey_no_question']);
    const many = Array.from({ length: 200 }, () => question('scale'));
    expect(codes(draft({ questions: many }))).toEqual(['questions:survey_too_many_questions']);
    expect(checkSurvey(draft({ questions: many.slice(0, 30) }), rules).value?.questions).toHaveLength(30);
  });

  it('names each problem on its field', () => {
    expect(
      codes(
        draft({
          title: { fr: '  ' },
          theme: 'astrology',
          closesOn: '2026-12-01',
          results: 'never',
          questions: [question('single', { fr: 'Oui' }), { ...question('nope'), prompt: {} }],
        }),
      ),
    ).toEqual([
      'title:survey_title',
      'theme:survey_theme',
      'closes_on:survey_closes_before_opens',
      'results:survey_results',
      'q0-options:survey_options_few',
      'q1-kind:survey_kind',
      'q1-prompt:survey_prompt',
    ]);
    expect(codes(draft({ closesOn: '2028-01-01' }))).toEqual(['closes_on:survey_too_long_open']);
    expect(codes(draft({ opensOn: '2026-02-30' }))).toEqual(['opens_on:survey_date']);
    expect(codes(draft({ opensOn: '2026-11-01', closesOn: '2026-12-01' }))).toEqual([
      'closes_on:survey_closes_past',
    ]);
  });

  it('wants the same number of options in every language it uses', () => {
    expect(codes(draft({ questions: [question('multiple', { fr: 'Oui\nNon', nl: 'Ja' })] }))).toEqual([
      'q0-options:survey_options_mismatch',
    ]);
    const { value } = checkSurvey(
      draft({ questions: [question('multiple', { fr: 'Oui\nNon\n', nl: 'Ja\r\nNee' })] }),
      rules,
    );
    expect(value?.questions[0]?.options).toEqual([
      { fr: 'Oui', nl: 'Ja' },
      { fr: 'Non', nl: 'Nee' },
    ]);
    // Options mean nothing to a scale: they are dropped, not refused.
    expect(
      checkSurvey(draft({ questions: [question('scale', { fr: 'x' })] }), rules).value?.questions[0]?.options,
    ).toEqual([]);
  });

  it('gives a new id to a question whose id another question has (a crafted form)', () => {
    const { value } = checkSurvey(draft({ questions: [question(), question('text'), question()] }), rules);
    const ids = value!.questions.map((q) => q.id);
    expect(ids[0]).toBe('abcdef01');
    expect(new Set(ids).size).toBe(3);
  });

  it('folds line breaks out of titles and prompts', () => {
    const { value } = checkSurvey(draft({ title: { fr: 'Une\nenquête' } }), rules);
    expect(value?.title).toEqual({ fr: 'Une enquête' });
  });

  it('shows a stored survey again as the form had it', () => {
    const { value } = checkSurvey(draft({ opensTime: '09:30' }), rules);
    const again = draftOf(value!);
    expect(again).toMatchObject({ opensOn: '2026-12-04', opensTime: '09:30', closesTime: '23:59' });
    expect(again.questions[0]?.options).toEqual({ fr: 'Oui\nNon', nl: '', en: '' });
  });

  it('reads Brussels time across the change to summer time', () => {
    expect(brusselsMoment('2026-07-01', '12:00', '00:00')?.toISOString()).toBe('2026-07-01T10:00:00.000Z');
  });
});

describe('the builder form', () => {
  it('reads numbered questions in order and writes them back', () => {
    const d = readDraft({
      'title.fr': 'Titre',
      'q1-kind': 'text',
      'q1-prompt.fr': 'Deux',
      'q0-kind': 'single',
      'q0-prompt.fr': 'Un',
      'q0-required': 'yes',
    });
    expect(d.questions.map((q) => [q.prompt.fr, q.required])).toEqual([
      ['Un', true],
      ['Deux', false],
    ]);
    expect(readDraft(draftValues(d))).toEqual(d);
  });

  it('adds, moves and removes questions', () => {
    const d = draft({ questions: [question(), { ...question('text'), id: 'second01' }] });
    expect(applyAction(d, readAction('add') as never).questions).toHaveLength(3);
    expect(applyAction(d, { kind: 'up', index: 1 }).questions.map((q) => q.id)).toEqual([
      'second01',
      'abcdef01',
    ]);
    expect(applyAction(d, { kind: 'down', index: 1 }).questions.map((q) => q.id)).toEqual([
      'abcdef01',
      'second01',
    ]);
    expect(applyAction(d, { kind: 'remove', index: 0 }).questions.map((q) => q.id)).toEqual(['second01']);
    expect(applyAction(d, { kind: 'remove', index: 9 })).toBe(d);
    expect(readAction('remove-12')).toEqual({ kind: 'remove', index: 12 });
    expect(readAction('whatever')).toEqual({ kind: 'save' });
  });
});
