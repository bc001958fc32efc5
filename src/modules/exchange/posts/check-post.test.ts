// The checks of an offer's or a request's fields, without a database: every problem at once, in
// codes the form translates; vocabularies of the directory and the communes; dates from today.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { checkPost, type PostInput } from './check-post.ts';
import { addDays, brusselsDay, isDay } from './dates.ts';

const today = '2026-12-05';
const valid = (): PostInput => ({
  direction: 'request',
  kind: 'interpreting',
  title: { fr: 'Cherchons interprète en tigrinya' },
  body: { fr: 'Pour des réunions de parents.' },
  languages: ['ti'],
  themes: ['social-support.interpreting'],
  communes: ['21015'],
  allBrussels: false,
  until: '2027-01-31',
  informalMayAnswer: true,
});

function problems(input: PostInput): string[] {
  try {
    checkPost(input, today);
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED')
      return error.fields.map((f) => `${f.field}:${f.code}`);
    throw error;
  }
  return [];
}

describe('checkPost', () => {
  it('keeps a valid request, its lists without doubles and its texts trimmed', () => {
    const checked = checkPost(
      {
        ...valid(),
        title: { fr: '  Cherchons   interprète en tigrinya ', nl: '' },
        languages: ['ti', 'ti', 'am'],
        communes: ['21015', '21004'],
      },
      today,
    );
    expect(checked.title).toEqual({ fr: 'Cherchons interprète en tigrinya' });
    expect(checked.languages).toEqual(['ti', 'am']);
    expect(checked.communes).toEqual(['21004', '21015']);
    expect(checked.direction).toBe('request');
  });

  it('refuses a post with no text in any language', () => {
    expect(problems({ ...valid(), title: { nl: ' ', fr: '', en: '' }, body: {} })).toEqual([
      'title:exchange_text_missing',
    ]);
    // A text without a title in its language is refused at its title.
    expect(problems({ ...valid(), title: {}, body: { nl: 'Een tekst' } })).toEqual([
      'title.nl:exchange_title_for_text',
    ]);
  });

  it('refuses a date in the past, too far ahead, or not a date', () => {
    expect(problems({ ...valid(), until: '2026-12-04' })).toEqual(['until:exchange_until_past']);
    expect(problems({ ...valid(), until: today })).toEqual([]);
    expect(problems({ ...valid(), until: addDays(today, 183) })).toEqual([]);
    expect(problems({ ...valid(), until: addDays(today, 184) })).toEqual(['until:exchange_until_far']);
    expect(problems({ ...valid(), until: '2027-02-30' })).toEqual(['until:exchange_until_date']);
    expect(problems({ ...valid(), until: 'tomorrow' })).toEqual(['until:exchange_until_date']);
  });

  it('refuses unknown kinds, directions, themes, communes and languages, all at once', () => {
    expect(
      problems({
        ...valid(),
        direction: 'gift',
        kind: 'money',
        themes: ['housing', 'no-such-theme'],
        communes: ['99999'],
        languages: ['xx'],
      }),
    ).toEqual([
      'direction:choose_one',
      'kind:choose_one',
      'languages:exchange_languages',
      'themes:exchange_themes',
      'communes:exchange_communes',
    ]);
  });

  it('asks interpreting for a language, and every post for a place', () => {
    expect(problems({ ...valid(), languages: [] })).toEqual(['languages:exchange_languages_missing']);
    expect(problems({ ...valid(), kind: 'transport', languages: [] })).toEqual([]);
    expect(problems({ ...valid(), communes: [] })).toEqual(['communes:exchange_place_missing']);
    // All Brussels takes the place of the communes ticked with it.
    const all = checkPost({ ...valid(), allBrussels: true, communes: ['21015'] }, today);
    expect(all).toMatchObject({ allBrussels: true, communes: [] });
  });

  it('refuses titles too short or too long, and too many themes', () => {
    expect(problems({ ...valid(), title: { fr: 'Aide', en: 'x'.repeat(151) } })).toEqual([
      'title.fr:exchange_title_length',
      'title.en:exchange_title_length',
    ]);
    expect(
      problems({ ...valid(), themes: ['housing', 'income', 'food', 'health', 'youth', 'work'] }),
    ).toEqual(['themes:exchange_themes']);
  });
});

describe('Brussels dates', () => {
  it('counts days in Brussels, across the end of a year and a change of hour', () => {
    expect(brusselsDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(brusselsDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(brusselsDay(new Date('2026-07-01T22:01:00Z'))).toBe('2026-07-02');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2027-02-29')).toBe(false);
  });
});
