// Reading events: an organisation's own events for its editors, and an event's public page with its
// dates to come and their places left. The online link is never read here: registrations shows it
// to the people with a confirmed place.
import type { Database } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { getOrganisationBrief, getTaxonomy, listOrganisationsWithPlaces } from '../../directory/index.ts';
import type { NetworkContext } from '../network-context.ts';
import type { EventDateView, EventPageData, EventPlaceView, EventView, OwnEventView } from './page-data.ts';
import { requireEventEditor } from './events.policy.ts';
import {
  type EventRow,
  findEvent,
  findEventsOf,
  findUpcomingDates,
  type OccurrenceRow,
} from './events.repo.ts';

/** Dates shown on an event's page at once. */
export const datesShown = 30;

export async function listOwnEvents(
  ctx: NetworkContext,
  organisationId: string,
): Promise<{ organisation: { id: string; name: I18nText }; events: OwnEventView[] }> {
  const orgId = await requireEventEditor(ctx.db, ctx.actor, organisationId);
  const organisation = await getOrganisationBrief(ctx.db, orgId);
  const rows = await findEventsOf(ctx.db, orgId, ctx.now);
  return {
    organisation: { id: organisation.id, name: organisation.name },
    events: rows.map(({ event, next, dates }) => ({
      id: event.id,
      title: event.title,
      kind: event.kind,
      status: event.status,
      next,
      dates,
    })),
  };
}

export function dateView(
  o: Pick<OccurrenceRow, 'id' | 'startsAt' | 'endsAt' | 'confirmed' | 'waitlisted'>,
  capacity: number | null,
  now: Date,
): EventDateView {
  return {
    id: o.id,
    start: o.startsAt,
    end: o.endsAt,
    placesLeft: capacity === null ? null : Math.max(0, capacity - o.confirmed),
    waitlisted: o.waitlisted,
    open: o.startsAt > now,
  };
}

export async function presentEvent(db: Database, event: EventRow): Promise<EventView> {
  const [[org], taxonomy] = await Promise.all([
    listOrganisationsWithPlaces(db, [event.organisationId], event.locationId ? [event.locationId] : []),
    getTaxonomy(db),
  ]);
  const location = event.locationId ? org?.locations.find((l) => l.id === event.locationId) : undefined;
  const place: EventPlaceView =
    event.placeKind === 'place'
      ? {
          kind: 'place',
          name: location?.name ?? null,
          address: location?.address ?? null,
          postcode: location?.postcode ?? null,
          locality: location?.locality ?? null,
          communeNis: event.communeNis,
        }
      : event.placeKind === 'address'
        ? {
            kind: 'address',
            name: null,
            address: event.address,
            postcode: null,
            locality: null,
            communeNis: event.communeNis,
          }
        : { kind: 'online', name: null, address: null, postcode: null, locality: null, communeNis: null };
  return {
    id: event.id,
    organisation: { id: event.organisationId, name: org?.name ?? {} },
    kind: event.kind,
    title: event.title,
    description: event.description,
    place,
    capacity: event.capacity,
    whoMayRegister: event.whoMayRegister,
    languages: event.languages,
    themes: event.themes.map((code) => ({ code, name: taxonomy.byCode.get(code)?.name ?? { en: code } })),
    status: event.status,
    cancelReason: event.cancelReason,
    isDemo: event.isDemo,
  };
}

/** An event's public page: anyone may read it, members-only events too (registering is limited). */
export async function eventPageData(db: Database, eventId: string, now: Date): Promise<EventPageData> {
  const row = isUuid(eventId) ? await findEvent(db, eventId.toLowerCase()) : undefined;
  if (!row) throw new AppError('EVENT_NOT_FOUND');
  const [event, upcoming] = await Promise.all([
    presentEvent(db, row),
    findUpcomingDates(db, row.id, now, datesShown + 1),
  ]);
  return {
    event,
    dates: upcoming.slice(0, datesShown).map((o) => dateView(o, row.capacity, now)),
    more: upcoming.length > datesShown,
  };
}
