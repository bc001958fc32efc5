// "Open now" for every document, kept from one minute to the next instead of recounted: each
// document's answer (openAt) is kept with the first local minute at which it may change (its next
// opening or closing time, the next holiday for one closed on holidays, the next midnight for one
// with exceptions or dated hours). A new minute recomputes only the documents whose minute has
// come; a changed document (a new object) is recomputed when next asked. Recounting all 100,000
// documents took 18–113 ms at every minute and after every change to the index.
import type { DateTime } from 'luxon';
import { publicHoliday, zone } from '../../../shared/opening-hours.ts';
import { Bitset, type Moment, openAt } from './index-parts.ts';
import type { IndexedDoc } from './search-types.ts';

const week = 10_080;
const never = 2 ** 31 - 1;

/** A moment, and its local minute counted from 1970-01-01 local (grows with local time). */
interface Minute extends Moment {
  stamp: number;
  /** The stamp of the next local midnight, and of the next holiday's start (never: none within 8 days). */
  midnight: number;
  holidayFrom: number;
}

function minuteOf(now: DateTime): Minute {
  const local = now.setZone(zone);
  const today = local.toISODate()!;
  const day = Math.round(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
  const minuteOfDay = local.hour * 60 + local.minute;
  const holiday = publicHoliday(today) !== undefined;
  let holidayFrom = never;
  if (holiday) holidayFrom = day * 1440;
  else
    for (let d = 1; d <= 8; d++) {
      if (publicHoliday(local.plus({ days: d }).toISODate()!)) {
        holidayFrom = (day + d) * 1440;
        break;
      }
    }
  return {
    minuteOfWeek: (local.weekday - 1) * 1440 + minuteOfDay,
    minuteOfDay,
    today,
    holiday,
    stamp: day * 1440 + minuteOfDay,
    midnight: (day + 1) * 1440,
    holidayFrom,
  };
}

const clock = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The first local minute (stamp) after `m` at which `openAt(doc)` may answer otherwise. It may be
 * earlier than the real change (the document is then only recomputed sooner), never later.
 */
function nextChange(doc: IndexedDoc, m: Minute): number {
  let until = never;
  if (doc.exceptions.length) {
    until = m.midnight;
    for (const e of doc.exceptions) {
      for (const time of [e.opensAt, e.closesAt]) {
        if (!time) continue;
        const at = clock(time);
        if (at > m.minuteOfDay) until = Math.min(until, m.stamp + at - m.minuteOfDay);
      }
    }
  }
  if (!doc.weekly.length) return until;
  if (doc.closedOnPublicHolidays) until = Math.min(until, m.holiday ? m.midnight : m.holidayFrom);
  const mow = m.minuteOfWeek;
  for (const w of doc.weekly) {
    if (w.validFrom || w.validTo) until = Math.min(until, m.midnight);
    for (const edge of [w.start, w.end]) {
      // The edge as it comes again in the last week, this one and the next.
      for (let b = edge - week; b <= edge + week; b += week)
        if (b > mow) until = Math.min(until, m.stamp + b - mow);
    }
  }
  return until;
}

export class OpenNow {
  private set = new Bitset(0);
  /** Per document number: the stamp at which its answer must be recomputed. */
  private until = new Int32Array(0);
  /** Per document number: the document its answer is for (a changed one is a new object). */
  private held: (IndexedDoc | undefined)[] = [];
  private minute: Minute | undefined;
  private epochMinute = NaN;
  private version = NaN;

  /** The documents open at `now`; `version` tells when documents may have changed. */
  at(now: DateTime, docs: readonly (IndexedDoc | undefined)[], version: number): Bitset {
    const epochMinute = Math.floor(now.toMillis() / 60_000);
    if (epochMinute === this.epochMinute && version === this.version) return this.set;
    const m = epochMinute === this.epochMinute && this.minute ? this.minute : minuteOf(now);
    // Back in time (a test, or the autumn's repeated hour): nothing kept holds.
    const all = !this.minute || m.stamp < this.minute.stamp;
    if (this.until.length < docs.length) this.grow(docs.length);
    const { until, held } = this;
    for (let n = 0; n < docs.length; n++) {
      const doc = docs[n];
      if (!all && held[n] === doc && until[n]! > m.stamp) continue;
      held[n] = doc;
      const open = doc !== undefined && openAt(doc, m);
      until[n] = doc ? nextChange(doc, m) : never;
      const word = n >>> 5;
      const bit = 1 << (n & 31);
      if (open) this.set.words[word]! |= bit;
      else this.set.words[word]! &= ~bit;
    }
    for (let n = docs.length; n < held.length; n++) if (held[n]) this.forget(n);
    this.minute = m;
    this.epochMinute = epochMinute;
    this.version = version;
    return this.set;
  }

  private forget(n: number): void {
    this.held[n] = undefined;
    this.until[n] = never;
    this.set.words[n >>> 5]! &= ~(1 << (n & 31));
  }

  private grow(size: number): void {
    const capacity = Math.max(size, 2 * this.until.length);
    const until = new Int32Array(capacity);
    until.set(this.until);
    this.until = until;
    const set = new Bitset(capacity);
    set.words.set(this.set.words);
    this.set = set;
  }
}
