// A date and a place as people read them, on pages and in e-mails: times in Brussels in the
// reader's language ("lundi 7 décembre 2026, 18:00–21:00"), and the address of the event's place.
// Each format is made once per language.
import type { Executor } from '../../../db/client.ts';
import { brusselsFormat as format } from '../../../shared/brussels-time.ts';
import { getPlaceAddress } from '../../directory/index.ts';

const timeOf = format({ hour: '2-digit', minute: '2-digit' });
const dayOf = format({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const dayKey = format({ year: 'numeric', month: '2-digit', day: '2-digit' });

/** "lundi 7 décembre 2026, 18:00–21:00"; a date over several days gives both days. */
export function whenText(locale: string, date: { startsAt: Date; endsAt: Date }): string {
  const { startsAt: start, endsAt: end } = date;
  if (dayKey(locale, start) === dayKey(locale, end))
    return `${dayOf(locale, start)}, ${timeOf(locale, start)}–${timeOf(locale, end)}`;
  return `${dayOf(locale, start)}, ${timeOf(locale, start)} – ${dayOf(locale, end)}, ${timeOf(locale, end)}`;
}

/** Where an event is, as it is written for the people who come. */
export interface EventPlace {
  /** The address as one line; null online. */
  address: string | null;
  /** The link to join; null at a place. */
  onlineUrl: string | null;
}

/** The event's place: one of its organisation's places, another address, or online. */
export async function placeOf(
  db: Executor,
  event: {
    organisationId: string;
    placeKind: string;
    locationId: string | null;
    address: string | null;
    onlineUrl: string | null;
  },
): Promise<EventPlace> {
  if (event.placeKind === 'online') return { address: null, onlineUrl: event.onlineUrl };
  if (event.placeKind === 'address') return { address: event.address, onlineUrl: null };
  const at = event.locationId ? await getPlaceAddress(db, event.organisationId, event.locationId) : undefined;
  const address = at
    ? [at.address, [at.postcode, at.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ')
    : null;
  return { address, onlineUrl: null };
}
