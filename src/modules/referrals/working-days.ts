// "Three working days" in Brussels: Monday to Friday, without Belgian public holidays, counted
// from the moment of sending and ending at the same time of day.
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

const zone = 'Europe/Brussels';
const belgium = new Holidays('BE', { types: ['public'] });

function isWorkingDay(day: DateTime): boolean {
  return day.weekday <= 5 && !belgium.isHoliday(day.set({ hour: 12 }).toJSDate());
}

export function addWorkingDays(start: Date, days: number): Date {
  let at = DateTime.fromJSDate(start, { zone });
  let left = days;
  while (left > 0) {
    at = at.plus({ days: 1 });
    if (isWorkingDay(at)) left--;
  }
  return at.toJSDate();
}
