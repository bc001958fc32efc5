// The iCalendar (RFC 5545) feed of the calls' deadlines, written by ical-generator: each deadline is
// a moment in UTC (calendar applications show it in their own zone, so a deadline written in
// another zone stays right); each entry's UID is its call's, so a feed read again updates it.
import ical from 'ical-generator';
import { type Locale, textIn } from '../../../shared/i18n-text.ts';
import type { CallCard } from './search-calls.ts';

type FeedCall = CallCard & { summary: Record<string, string | undefined>; link: string; updatedAt: Date };

export function callsIcs(
  name: string,
  calls: FeedCall[],
  {
    origin,
    locale,
    now,
    deadline,
  }: { origin: string; locale: Locale; now: Date; deadline: (title: string) => string },
): string {
  const calendar = ical({
    name,
    prodId: { company: 'Passerelle', product: 'funding-calls', language: locale.toUpperCase() },
  });
  for (const call of calls) {
    const url = `${origin}/${locale}/exchange/calls/${call.id}`;
    calendar.createEvent({
      id: `call-${call.id}@passerelle`,
      start: call.closesAt,
      end: call.closesAt,
      stamp: now,
      lastModified: call.updatedAt,
      summary: deadline(textIn(call.title, locale)),
      description: [textIn(call.summary, locale), call.link, url].filter(Boolean).join('\n\n'),
      url,
    });
  }
  return calendar.toString();
}
