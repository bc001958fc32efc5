// Days as people in Brussels count them: a post's date is a calendar day ("2026-12-24"), compared
// with today's date in Brussels.
import { brusselsTimeZone } from '../../../shared/brussels-time.ts';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: brusselsTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in Brussels at a moment, as YYYY-MM-DD. */
export const brusselsDay = (moment: Date): string => dayFormat.format(moment);

/** A YYYY-MM-DD date `days` later (or earlier). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether a text is a real calendar date written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
