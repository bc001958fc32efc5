// One registration's date as an iCalendar file (RFC 5545, by ical-generator): in Brussels time with
// its VTIMEZONE, a UID that stays the same however often the file is fetched (so a calendar updates
// the entry instead of adding another), and the event's page as URL (decidim#11994). The online
// link is in it only for a confirmed place; a cancelled registration's file says CANCELLED.
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { EventPlace } from './registration-words.ts';

export const eventTimeZone = 'Europe/Brussels';

/** Brussels' rules since 1996 (EU summer time): what the file's TZID refers to. */
const brussels = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Brussels',
  'X-LIC-LOCATION:Europe/Brussels',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export interface RegistrationFile {
  registrationId: string;
  title: string;
  start: Date;
  end: Date;
  status: 'unconfirmed' | 'confirmed' | 'waitlisted' | 'cancelled';
  place: EventPlace;
  /** The event's page, absolute. */
  eventUrl: string;
  /** "Waiting list: …" and such, in the person's language. */
  description: string;
}

export function registrationIcs(file: RegistrationFile, now: Date): string {
  const calendar = ical({
    name: file.title,
    prodId: { company: 'Passerelle', product: 'network', language: 'EN' },
    timezone: { name: eventTimeZone, generator: (tz) => (tz === eventTimeZone ? brussels : null) },
  });
  const confirmed = file.status === 'confirmed';
  calendar.createEvent({
    id: `registration-${file.registrationId}@passerelle`,
    // Luxon's times in Brussels: ical-generator writes them as they read there, under the TZID.
    start: DateTime.fromJSDate(file.start, { zone: eventTimeZone }),
    end: DateTime.fromJSDate(file.end, { zone: eventTimeZone }),
    timezone: eventTimeZone,
    stamp: now,
    summary: file.title,
    description: file.description || null,
    location: file.place.address ?? (confirmed ? file.place.onlineUrl : null),
    url: file.eventUrl,
    status:
      file.status === 'cancelled'
        ? ICalEventStatus.CANCELLED
        : confirmed
          ? ICalEventStatus.CONFIRMED
          : ICalEventStatus.TENTATIVE,
  });
  return calendar.toString();
}
