// Small pieces of the search index: bitsets, distances, opening moments, dictionaries.
import { DateTime } from 'luxon';
import { publicHoliday, zone } from '../../../shared/opening-hours.ts';
import { type SearchDoc, type SearchFilters, type ValueFacet, valueFacets } from './search-types.ts';
import { distanceKm } from '../../../shared/distance.ts';

export { distanceKm };
export class Bitset {
  readonly words: Uint32Array;
  constructor(size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32) || 1);
  }
  set(n: number): void {
    this.words[n >>> 5]! |= 1 << (n & 31);
  }
  has(n: number): boolean {
    return (this.words[n >>> 5]! & (1 << (n & 31))) !== 0;
  }
}

export interface Moment {
  minuteOfWeek: number;
  today: string;
  minuteOfDay: number;
  holiday: boolean;
}

export function momentOf(now: DateTime): Moment {
  const local = now.setZone(zone);
  const today = local.toISODate()!;
  return {
    minuteOfWeek: (local.weekday - 1) * 1440 + local.hour * 60 + local.minute,
    minuteOfDay: local.hour * 60 + local.minute,
    today,
    holiday: publicHoliday(today) !== undefined,
  };
}

/** Whether a document is open at a moment: the fast path of opening-hours.ts for whole result sets. */
export function openAt(doc: SearchDoc, m: Moment): boolean {
  const exception = doc.exceptions.find((e) => e.startsOn <= m.today && m.today <= e.endsOn);
  if (exception) {
    if (exception.closed || !exception.opensAt || !exception.closesAt) return false;
    const opens = Number(exception.opensAt.slice(0, 2)) * 60 + Number(exception.opensAt.slice(3, 5));
    let closes = Number(exception.closesAt.slice(0, 2)) * 60 + Number(exception.closesAt.slice(3, 5));
    if (closes <= opens) closes += 1440;
    return m.minuteOfDay >= opens && m.minuteOfDay < closes;
  }
  if (m.holiday && doc.closedOnPublicHolidays) return false;
  for (const w of doc.weekly) {
    if ((w.validFrom && w.validFrom > m.today) || (w.validTo && w.validTo < m.today)) continue;
    if (
      (m.minuteOfWeek >= w.start && m.minuteOfWeek < w.end) ||
      (m.minuteOfWeek + 10080 >= w.start && m.minuteOfWeek + 10080 < w.end)
    ) {
      return true;
    }
  }
  return false;
}

/** Facet values as small integers, so counting is array arithmetic rather than string maps. */
export class Dictionary {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/**
 * The filters as value ids per value facet (by position in `valueFacets`); a value the index has
 * never seen matches nothing. Access conditions must all hold; types are alternatives (a document
 * has one).
 */
export function wantedValues(
  filters: SearchFilters,
  dictionaries: Record<ValueFacet, Dictionary>,
): { facet: number; ids: number[]; any: boolean }[] {
  const wanted: { facet: number; ids: number[]; any: boolean }[] = [];
  for (const [i, facet] of valueFacets.entries()) {
    const value = filters[facet];
    const raw = Array.isArray(value) ? value : value === undefined ? undefined : [String(value)];
    if (!raw?.length) continue;
    const ids = raw.map((v) => dictionaries[facet].ids.get(v) ?? -1);
    wanted.push({ facet: i, ids, any: facet === 'type' });
  }
  return wanted;
}
