// When the organisers call off an event, or dates of it by changing its rule, everyone holding a
// place or waiting for one on a date still to come hears of it, in the language they registered
// in, with the organisers' reason when they gave one; when they move a date to another time the
// same day, they hear the new time. Each mail carries the person's own link. Steps of the events'
// own transaction.
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { eventOccurrences, eventRegistrations, events } from '../network.schema.ts';
import { type MailLinks, mailRegistration } from './registration-mail.ts';

type TellingContext = MailLinks & { now: Date };

export function tellCalledOff(
  tx: Executor,
  ctx: TellingContext,
  eventId: string,
  /** The dates called off; null for every date of the event. */
  occurrenceIds: string[] | null,
  reason: string | null,
): Promise<number> {
  return tellPeople(tx, ctx, eventId, occurrenceIds, 'called_off', reason);
}

/** The dates given have a new time (already written): their people hear it. */
export function tellTimeChanged(
  tx: Executor,
  ctx: TellingContext,
  eventId: string,
  occurrenceIds: string[],
): Promise<number> {
  return tellPeople(tx, ctx, eventId, occurrenceIds, 'time_changed', null);
}

async function tellPeople(
  tx: Executor,
  ctx: TellingContext,
  eventId: string,
  occurrenceIds: string[] | null,
  kind: 'called_off' | 'time_changed',
  reason: string | null,
): Promise<number> {
  if (occurrenceIds?.length === 0) return 0;
  const people = await tx
    .select({
      id: eventRegistrations.id,
      email: eventRegistrations.email,
      name: eventRegistrations.name,
      locale: eventRegistrations.locale,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      title: events.title,
    })
    .from(eventRegistrations)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRegistrations.occurrenceId))
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(
      and(
        eq(eventOccurrences.eventId, eventId),
        // The whole event: the dates not called off before (their people were told then).
        occurrenceIds ? inArray(eventOccurrences.id, occurrenceIds) : isNull(eventOccurrences.cancelledAt),
        gt(eventOccurrences.startsAt, ctx.now),
        inArray(eventRegistrations.status, ['confirmed', 'waitlisted']),
      ),
    );
  for (const p of people)
    await mailRegistration(tx, ctx, kind, {
      to: p,
      event: { id: eventId, title: p.title },
      date: p,
      place: { address: null, onlineUrl: null },
      reason,
    });
  return people.length;
}
