// iCalendar (RFC 5545) text of bookings, written by ical-generator: times in UTC, so every calendar
// application shows them in its own time zone; each event's UID is the booking's id, so a feed read
// again updates the events instead of adding new ones.
import ical, { ICalEventStatus } from 'ical-generator';

export interface CalendarEvent {
  id: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  /** Asked for but not yet confirmed. */
  tentative?: boolean;
  /** Declined or cancelled: a calendar that holds it takes it out. */
  cancelled?: boolean;
  url?: string;
}

export function icsOf(name: string, events: CalendarEvent[], now: Date): string {
  const calendar = ical({ name, prodId: { company: 'Passerelle', product: 'rooms', language: 'EN' } });
  for (const e of events)
    calendar.createEvent({
      id: `${e.id}@passerelle`,
      start: e.start,
      end: e.end,
      stamp: now,
      summary: e.summary,
      description: e.description || null,
      location: e.location || null,
      status: e.cancelled
        ? ICalEventStatus.CANCELLED
        : e.tentative
          ? ICalEventStatus.TENTATIVE
          : ICalEventStatus.CONFIRMED,
      url: e.url ?? null,
    });
  return calendar.toString();
}
