import { describe, expect, it } from 'vitest';
import { brusselsDay, brusselsFormat } from './brussels-time.ts';

describe('brusselsFormat', () => {
  const timeOf = brusselsFormat({ hour: '2-digit', minute: '2-digit' });
  const dayOf = brusselsFormat({ weekday: 'long', day: 'numeric', month: 'long' });

  it('gives the time in Brussels, summer and winter', () => {
    expect(timeOf('fr', new Date('2026-12-07T17:00:00Z'))).toBe('18:00');
    expect(timeOf('fr', new Date('2026-07-07T17:00:00Z'))).toBe('19:00');
    // Late in the evening in UTC is already the next day in Brussels.
    expect(dayOf('en', new Date('2026-12-07T23:30:00Z'))).toBe('Tuesday, December 8');
  });

  it('writes in the language asked, given as a code or as a reader who has one', () => {
    const moment = new Date('2026-12-07T17:00:00Z');
    expect(dayOf('fr', moment)).toBe('lundi 7 décembre');
    expect(dayOf('nl', moment)).toBe('maandag 7 december');
    expect(dayOf({ locale: 'nl' }, moment)).toBe('maandag 7 december');
    // Each language its own formatter, kept: asking again in another gives that language's.
    expect(dayOf('fr', moment)).toBe('lundi 7 décembre');
  });
});

describe('brusselsDay', () => {
  it('gives the day in Brussels, not in UTC, in winter and summer time', () => {
    expect(brusselsDay(new Date('2026-12-05T23:30:00Z'))).toBe('2026-12-06');
    expect(brusselsDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(brusselsDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
