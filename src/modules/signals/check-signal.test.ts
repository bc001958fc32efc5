import { describe, expect, it } from 'vitest';
import { geoReference } from '../geo/index.ts';
import { checkSignal, type SignalInput } from './check-signal.ts';

const rules = {
  themeCodes: new Set(['housing', 'housing.emergency', 'food', 'health']),
  today: '2026-12-04',
};
const molenbeek = geoReference().quartiers.find((q) => q.communeNis === '21012')!;
const valid: SignalInput = {
  themes: ['housing'],
  quartier: String(molenbeek.code),
  targetGroup: 'families',
  people: '6_20',
  seenOn: '2026-11-20',
  note: 'Several families sleep in cars near the canal.',
};
const codes = (input: SignalInput) => checkSignal(input, rules).problems.map((p) => `${p.field}:${p.code}`);

describe('checkSignal', () => {
  it('takes a signal with a quartier, and gives its commune', () => {
    const { problems, value } = checkSignal(valid, rules);
    expect(problems).toEqual([]);
    expect(value).toEqual({
      themeCodes: ['housing'],
      communeNis: '21012',
      quartierCode: molenbeek.code,
      targetGroup: 'families',
      peopleBand: '6_20',
      seenOn: '2026-11-20',
      note: 'Several families sleep in cars near the canal.',
    });
  });

  it('places a street with its postcode, a point on the map, a commune or a postcode alone', () => {
    const place = (where: Partial<SignalInput>) => {
      const { value } = checkSignal({ ...valid, quartier: '', ...where }, rules);
      return value && [value.communeNis, value.quartierCode !== null];
    };
    expect(place({ street: 'Chaussée de Wavre 50', postcode: '1050' })).toEqual(['21009', true]);
    expect(place({ lat: '50.8466', lon: '4.3528' })).toEqual(['21004', true]);
    expect(place({ commune: '21015' })).toEqual(['21015', false]);
    expect(place({ postcode: '1030' })).toEqual(['21015', false]);
  });

  it('names every problem on its field and gives no value', () => {
    const result = checkSignal(
      {
        themes: ['housing', 'astrology'],
        quartier: '99999',
        targetGroup: 'aliens',
        people: '3',
        seenOn: '2026-12-05',
        note: 'x'.repeat(10_000),
      },
      rules,
    );
    expect(result.value).toBeUndefined();
    expect(result.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'themes:signal_theme',
      'quartier:signal_quartier',
      'target_group:signal_target_group',
      'people:signal_people',
      'seen_on:signal_seen_future',
      'note:signal_note_long',
    ]);
  });

  it('refuses no place, a point outside Brussels, a quartier of another commune, and an unknown street', () => {
    expect(codes({ ...valid, quartier: '' })).toEqual(['place:signal_place']);
    expect(codes({ ...valid, lat: '51.2194', lon: '4.4025' })).toEqual(['place:signal_point_outside']);
    expect(codes({ ...valid, lat: 'north', lon: '' })).toEqual(['place:signal_point_outside']);
    expect(codes({ ...valid, commune: '21004' })).toEqual(['quartier:signal_quartier_commune']);
    expect(codes({ ...valid, quartier: '', street: 'Rue Imaginaire 3', postcode: '1000' })).toEqual([
      'street:street_unknown',
    ]);
    expect(codes({ ...valid, quartier: '', postcode: '2000' })).toEqual([
      'postcode:postcode_outside_brussels',
    ]);
  });

  it('refuses more than three themes, dates that do not exist or are before 2000, and a national number', () => {
    expect(codes({ ...valid, themes: ['housing', 'housing.emergency', 'food', 'health'] })).toEqual([
      'themes:signal_themes_many',
    ]);
    expect(codes({ ...valid, themes: [] })).toEqual(['themes:signal_theme']);
    expect(codes({ ...valid, seenOn: '2026-02-30' })).toEqual(['seen_on:signal_seen']);
    expect(codes({ ...valid, seenOn: '1999-12-31' })).toEqual(['seen_on:signal_seen_early']);
    expect(codes({ ...valid, seenOn: '' })).toEqual(['seen_on:signal_seen']);
    expect(codes({ ...valid, note: 'Mother: 85.07.30-033.28' })).toEqual(['note:signal_national_number']);
  });

  it('counts a theme given twice once, and keeps no empty text', () => {
    const { value } = checkSignal({ ...valid, themes: ['food', ' food'], note: '   ' }, rules);
    expect(value).toMatchObject({ themeCodes: ['food'], note: null });
  });
});
