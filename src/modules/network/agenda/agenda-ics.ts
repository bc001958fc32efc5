// iCalendar (RFC 5545) feeds of events' dates, written by ical-generator: times in UTC, so every
// calendar application shows them in its own zone; each date's UID is its own id, so a feed read again
// updates its entries instead of adding new ones; each entry links back to the event's page. A date
// called off stays in the feed marked CANCELLED, so calendars that hold it take it away.
import ical, { ICalEventStatus } from 'ical-generator';
import { type Locale, textIn } from '../../../shared/i18n-text.ts';
import { placeText } from '../events/place-words.ts';
import type { AgendaItem } from './agenda-queries.ts';

export function agendaIcs(
  name: string,
  items: AgendaItem[],
  { origin, locale, online, now }: { origin: string; locale: Locale; online: string; now: Date },
): string {
  const calendar = ical({
    name,
    prodId: { company: 'Passerelle', product: 'agenda', language: locale.toUpperCase() },
  });
  for (const item of items) {
    const url = `${origin}/${locale}/events/${item.eventId}`;
    const text = textIn(item.description, locale);
    calendar.createEvent({
      id: `${item.occurrenceId}@passerelle`,
      start: item.start,
      end: item.end,
      stamp: now,
      summary: textIn(item.title, locale),
      description: [text, url].filter(Boolean).join('\n\n'),
      location: placeText(item.place, locale, online) || null,
      status:
        item.status === 'cancelled' || item.calledOff ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      url,
    });
  }
  return calendar.toString();
}
