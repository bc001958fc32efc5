// What a listing shows about itself besides its data: whether a service is open now, and whether the
// listing may be out of date. Pure functions, for presenters, pages and the API alike.
import { DateTime } from 'luxon';
import { type HoursInput, type OpenState, openState } from '../../shared/opening-hours.ts';
import type { SearchDoc } from '../search/index.ts';

export type HoursSource = {
  schedules: HoursInput['weekly'];
  exceptions: HoursInput['exceptions'];
  closedOnPublicHolidays: boolean;
};

export function hoursOf(service: HoursSource): HoursInput {
  return {
    weekly: service.schedules,
    exceptions: service.exceptions,
    closedOnPublicHolidays: service.closedOnPublicHolidays,
  };
}

export function serviceOpenState(service: HoursSource, now: DateTime = DateTime.now()): OpenState {
  return openState(hoursOf(service), now);
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The hours a search document carries (weekly spans in minutes from Monday 00:00, see
 * search-docs.ts) as opening-hours.ts reads them: a result card says "open until 17:00" with the
 * same computation as the service page, from the index, without a query per result.
 */
export function hoursOfSearchDoc(
  doc: Pick<SearchDoc, 'weekly' | 'exceptions' | 'closedOnPublicHolidays'>,
): HoursInput {
  return {
    weekly: doc.weekly.map((w) => ({
      weekday: Math.floor(w.start / 1440) + 1,
      opensAt: clock(w.start % 1440),
      closesAt: clock(w.end % 1440),
      validFrom: w.validFrom,
      validTo: w.validTo,
    })),
    exceptions: doc.exceptions,
    closedOnPublicHolidays: doc.closedOnPublicHolidays,
  };
}

/** Older than this, a listing is shown as possibly out of date. */
export const staleAfterMonths = 12;

export function isStale(lastConfirmedAt: string | null, now: DateTime = DateTime.now()): boolean {
  if (!lastConfirmedAt) return true;
  return DateTime.fromISO(lastConfirmedAt) < now.minus({ months: staleAfterMonths });
}
