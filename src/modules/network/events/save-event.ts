// Publishing an event, or changing one: its organisation's editors describe it, and its dates are
// expanded from its rule. One transaction writes the event, its dates (keeping the registrations of
// dates that stay; dates that go and have registrations are called off, not deleted, and their people
// told; a larger capacity moves people up from the waiting lists) and the audit entry.
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { commonLanguages, getOrganisation, themeCodes } from '../../directory/index.ts';
import { geoReference } from '../../geo/index.ts';
import type { NetworkContext, WithKeys } from '../network-context.ts';
import { checkEvent, type EventInput } from './check-event.ts';
import { auditEvent } from './events-audit.ts';
import { requireEventEditor } from './events.policy.ts';
import { insertEvent, lockEvent, syncDates, updateEvent } from './events.repo.ts';
import { moveUpFromWaitlist } from '../registrations/place-registration.ts';
import { tellCalledOff, tellTimeChanged } from '../registrations/tell-called-off.ts';
import { agendaChanged } from '../agenda/agenda-live.ts';

export async function saveEvent(
  ctx: WithKeys<NetworkContext>,
  organisationId: string,
  eventId: string | null,
  input: EventInput,
): Promise<{ id: string; calledOff: number }> {
  const orgId = await requireEventEditor(ctx.db, ctx.actor, organisationId);
  if (eventId !== null && !isUuid(eventId)) throw new AppError('EVENT_NOT_FOUND');
  const organisation = await getOrganisation(ctx.db, orgId);
  const checked = checkEvent(input, {
    places: organisation.locations.map((l) => ({ id: l.id, communeNis: l.communeNis })),
    communes: geoReference().communes.map((c) => c.nis),
    languages: commonLanguages,
    themes: themeCodes,
  });
  const problems = [...checked.problems];
  // A new event starts in the future; an event already under way may still be corrected.
  if (eventId === null && checked.value && checked.value.startsAt < ctx.now)
    problems.push({ field: 'start_date', message: 'event_in_past', code: 'event_in_past' });
  if (problems.length || !checked.value || !checked.dates)
    throw new AppError('VALIDATION_FAILED', { fields: problems });
  const { value, dates } = checked;

  const saved = await ctx.db.transaction(async (tx) => {
    let id: string;
    let placesAdded = false;
    if (eventId === null) {
      id = await insertEvent(tx, {
        ...value,
        organisationId: orgId,
        createdBy: ctx.actor.userId,
        now: ctx.now,
      });
    } else {
      const event = await lockEvent(tx, eventId.toLowerCase());
      if (!event || event.organisationId !== orgId) throw new AppError('EVENT_NOT_FOUND');
      id = event.id;
      // More places, or no limit any more: the first waiting of each date may move up.
      placesAdded = event.capacity !== null && (value.capacity === null || value.capacity > event.capacity);
      await updateEvent(tx, id, value, ctx.now);
    }
    const synced = await syncDates(tx, id, dates, ctx.now);
    const calledOff = synced.calledOff.length;
    if (eventId !== null) {
      // The people of dates that went or moved hear of it; a larger capacity moves the waiting up.
      await tellCalledOff(tx, ctx, id, synced.calledOff, null);
      await tellTimeChanged(tx, ctx, id, synced.moved);
      if (placesAdded) for (const date of synced.kept) await moveUpFromWaitlist(tx, date, ctx);
    }
    await auditEvent(tx, ctx, eventId === null ? 'event_published' : 'event_changed', id, {
      organisation: orgId,
      dates: dates.length,
      ...(calledOff ? { calledOff } : {}),
    });
    return { id, calledOff };
  });
  agendaChanged(ctx.db, [saved.id]);
  return saved;
}
