import { describe, expect, it } from 'vitest';
import { containsNationalNumber } from './national-number.ts';

// Made-up numbers with valid check digits (born 1985 and 2003), not anyone's.
describe('containsNationalNumber', () => {
  it('finds a number in any of the usual spellings', () => {
    expect(containsNationalNumber('NN 85073003328')).toBe(true);
    expect(containsNationalNumber('rijksregister: 85.07.30-033.28, dank')).toBe(true);
    expect(containsNationalNumber('85 07 30 033 28')).toBe(true);
  });

  it('knows the check digits of people born from 2000 on', () => {
    // 97 - (2030101001 mod 97) = 68; the pre-2000 rule would give 98 - no match.
    expect(containsNationalNumber('03.01.01-001.68')).toBe(true);
  });

  it('leaves phone numbers, dates and numbers with wrong check digits alone', () => {
    expect(containsNationalNumber('bel 0470 12 34 56')).toBe(false);
    expect(containsNationalNumber('+32 2 511 22 33')).toBe(false);
    expect(containsNationalNumber('rendez-vous le 30.07.2026')).toBe(false);
    expect(containsNationalNumber('85.07.30-033.29')).toBe(false);
    expect(containsNationalNumber('850730033280')).toBe(false);
  });
});
