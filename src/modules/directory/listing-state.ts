// What a listing shows about itself besides its data: whether a service is open now, and whether the
// listing may be out of date. Pure functions, for presenters, pages and the API alike.
import { DateTime } from 'luxon';
import { type HoursInput, type OpenState, openState } from '../../shared/opening-hours.ts';

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

/** Older than this, a listing is shown as possibly out of date. */
export const staleAfterMonths = 12;

export function isStale(lastConfirmedAt: string | null, now: DateTime = DateTime.now()): boolean {
  if (!lastConfirmedAt) return true;
  return DateTime.fromISO(lastConfirmedAt) < now.minus({ months: staleAfterMonths });
}
