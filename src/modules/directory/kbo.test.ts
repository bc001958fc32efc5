import { describe, expect, it } from 'vitest';
import { formatKbo, normaliseKbo } from './kbo.ts';

describe('normaliseKbo', () => {
  it('accepts the usual spellings of a valid number', () => {
    expect(normaliseKbo('0203.071.973')).toBe('0203071973');
    expect(normaliseKbo('BE 0203 071 973')).toBe('0203071973');
    expect(normaliseKbo('203071973')).toBe('0203071973');
  });

  it('refuses a wrong check number, letters and wrong lengths', () => {
    expect(normaliseKbo('0203.071.974')).toBeNull();
    expect(normaliseKbo('0108.141.257')).toBeNull();
    expect(normaliseKbo('abc')).toBeNull();
    expect(normaliseKbo('12345')).toBeNull();
    expect(normaliseKbo('')).toBeNull();
  });

  it('formats with dots', () => {
    expect(formatKbo('0203071973')).toBe('0203.071.973');
  });
});
