// schema.org Event JSON-LD of an event's page: one Event per date shown, each with its status, how
// one attends, its place (a Place with its address, or a VirtualLocation that is the event's page:
// the link to join is only for the people registered), its organiser and its page.
import { DateTime } from 'luxon';
import { type Locale, textIn } from '../../../shared/i18n-text.ts';
import type { EventPageData } from './page-data.ts';
import { communeName } from './place-words.ts';
import { eventTimeZone } from './recurrence.ts';

const inBrussels = (d: Date) =>
  DateTime.fromJSDate(d, { zone: eventTimeZone }).toISO({ suppressMilliseconds: true });

export function eventJsonLd(
  { event, dates }: EventPageData,
  locale: Locale,
  { url, organisationUrl }: { url: string; organisationUrl: string },
) {
  const { place } = event;
  const location =
    place.kind === 'online'
      ? { '@type': 'VirtualLocation', url }
      : {
          '@type': 'Place',
          name: textIn(place.name, locale) || place.address || communeName(place.communeNis, locale),
          address: {
            '@type': 'PostalAddress',
            streetAddress: place.address ?? undefined,
            postalCode: place.postcode ?? undefined,
            addressLocality: place.locality ?? (communeName(place.communeNis, locale) || undefined),
            addressRegion: 'Brussels',
            addressCountry: 'BE',
          },
        };
  const description = textIn(event.description, locale);
  return {
    '@context': 'https://schema.org',
    '@graph': dates.map((d) => ({
      '@type': 'Event',
      '@id': `${url}#${d.id}`,
      name: textIn(event.title, locale),
      ...(description ? { description } : {}),
      startDate: inBrussels(d.start),
      endDate: inBrussels(d.end),
      eventStatus:
        event.status === 'cancelled'
          ? 'https://schema.org/EventCancelled'
          : 'https://schema.org/EventScheduled',
      eventAttendanceMode:
        place.kind === 'online'
          ? 'https://schema.org/OnlineEventAttendanceMode'
          : 'https://schema.org/OfflineEventAttendanceMode',
      location,
      organizer: {
        '@type': 'Organization',
        name: textIn(event.organisation.name, locale),
        url: organisationUrl,
      },
      url,
      ...(event.languages.length ? { inLanguage: event.languages } : {}),
      ...(event.capacity !== null
        ? { maximumAttendeeCapacity: event.capacity, remainingAttendeeCapacity: d.placesLeft ?? undefined }
        : {}),
      isAccessibleForFree: true,
    })),
  };
}
