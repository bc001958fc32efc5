import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { publicHoliday, zone } from '../../../shared/opening-hours.ts';
import { type Moment, openAt } from './index-parts.ts';
import { OpenNow } from './open-now.ts';
import type { SearchDoc } from './search-types.ts';

/** The moment as the index computed it for every document at every minute before open-now.ts. */
function momentOf(now: DateTime): Moment {
  const local = now.setZone(zone);
  const today = local.toISODate()!;
  return {
    minuteOfWeek: (local.weekday - 1) * 1440 + local.hour * 60 + local.minute,
    minuteOfDay: local.hour * 60 + local.minute,
    today,
    holiday: publicHoliday(today) !== undefined,
  };
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

function randomDoc(next: () => number, base: DateTime): SearchDoc {
  const date = (days: number) => base.plus({ days: Math.floor(days) }).toISODate()!;
  const time = () => `${pad(Math.floor(next() * 24))}:${pad(Math.floor(next() * 4) * 15)}`;
  const weekly = Array.from({ length: Math.floor(next() * 5) }, () => {
    const start = Math.floor(next() * 10_080);
    return {
      start,
      end: start + 30 + Math.floor(next() * 900),
      validFrom: next() < 0.1 ? date(next() * 20) : null,
      validTo: next() < 0.1 ? date(next() * 30) : null,
    };
  });
  const exceptions = Array.from({ length: next() < 0.2 ? 1 + Math.floor(next() * 2) : 0 }, () => {
    const from = next() * 25;
    return {
      startsOn: date(from),
      endsOn: date(from + next() * 3),
      closed: next() < 0.4,
      opensAt: next() < 0.9 ? time() : null,
      closesAt: next() < 0.9 ? time() : null,
    };
  });
  return {
    weekly,
    exceptions,
    closedOnPublicHolidays: next() < 0.5,
  } as Partial<SearchDoc> as SearchDoc;
}

describe('open now, kept from minute to minute', () => {
  for (const start of ['2026-10-22T06:00:00', '2026-12-20T23:00:00', '2027-03-26T00:59:00']) {
    it(`gives every document's openAt at every step from ${start} (holidays, summer time, changes)`, () => {
      const next = random(start.length * 7 + Number(start.slice(8, 10)));
      const base = DateTime.fromISO(start, { zone });
      const docs: (SearchDoc | undefined)[] = Array.from({ length: 400 }, () => randomDoc(next, base));
      const open = new OpenNow();
      let now = base;
      let version = 0;
      for (let step = 0; step < 600; step++) {
        const r = next();
        // Mostly a minute or a few; sometimes hours, sometimes back in time.
        const minutes =
          r < 0.5
            ? 1
            : r < 0.8
              ? Math.floor(next() * 60)
              : r < 0.97
                ? Math.floor(next() * 600)
                : -Math.floor(next() * 300);
        now = now.plus({ minutes, seconds: Math.floor(next() * 60) });
        if (next() < 0.1) {
          // A change: a document replaced, removed, or added.
          const n = Math.floor(next() * (docs.length + 5));
          docs[n] = next() < 0.2 ? undefined : randomDoc(next, base);
          for (let i = 0; i < docs.length; i++) docs[i] ??= undefined;
          version++;
        }
        const set = open.at(now, docs, version);
        const m = momentOf(now);
        const expected = docs.map((d) => d !== undefined && openAt(d, m));
        expect(docs.map((_, n) => set.has(n))).toEqual(expected);
      }
    });
  }

  it('forgets documents past the end of a shorter list', () => {
    const next = random(3);
    const base = DateTime.fromISO('2026-11-02T10:00:00', { zone });
    const doc = {
      ...randomDoc(next, base),
      weekly: [{ start: 0, end: 10_080, validFrom: null, validTo: null }],
      exceptions: [],
      closedOnPublicHolidays: false,
    };
    const open = new OpenNow();
    expect(open.at(base, [doc, doc], 0).has(1)).toBe(true);
    expect(open.at(base, [doc], 1).has(1)).toBe(false);
  });
});
