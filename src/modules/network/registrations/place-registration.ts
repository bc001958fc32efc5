// Giving a registration its place: confirmed while the date has places left (or no limit), else on
// the waiting list, whose order is when each joined it. Always inside the caller's transaction,
// with the date's row locked first (findDate(tx, id, true)), so two people never take the last
// place together and the date's counts stay exact. moveUpFromWaitlist is also a step for the
// events' edit: when the organisers raise a date's capacity, the first waiting move up.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { KeyRing } from '../../../shared/field-encryption.ts';
import { mailRegistration } from './registration-mail.ts';
import { type EventPlace, placeOf } from './registration-words.ts';
import { auditRegistration } from './registrations-audit.ts';
import {
  addToCounts,
  type DateOfEvent,
  findDate,
  lockFirstWaiting,
  placeRow,
  type RegistrationRow,
  setStatus,
} from './registrations.repo.ts';

/**
 * What placing needs from its caller: the clock, links' origin and the keys their people's own links
 * are signed with, and who acts (for the audit log).
 */
export interface PlacingContext {
  now: Date;
  origin: string;
  keys: KeyRing;
  ip: string | null;
  actor?: Actor | null;
}

/** Whether a date still takes registrations: not called off, its event not cancelled, not begun. */
export const isOpen = (found: DateOfEvent, now: Date) =>
  found.event.status === 'published' && found.date.cancelledAt === null && found.date.startsAt > now;

const hasRoom = (found: DateOfEvent) =>
  found.event.capacity === null || found.date.confirmed < found.event.capacity;

/** The place a registration takes on a date whose row the caller locked: one left, or the waiting list. */
export const placeOn = (found: DateOfEvent): 'confirmed' | 'waitlisted' =>
  hasRoom(found) ? 'confirmed' : 'waitlisted';

/**
 * Places one unconfirmed registration on a date whose row the caller locked, updates the counts in
 * `found` and in the database, and tells the person (with their own link).
 */
export async function placeRegistration(
  tx: Executor,
  found: DateOfEvent,
  registration: Pick<RegistrationRow, 'id' | 'email' | 'name' | 'locale'>,
  ctx: PlacingContext,
  place: EventPlace,
): Promise<'confirmed' | 'waitlisted'> {
  const status = placeOn(found);
  await placeRow(tx, { id: registration.id, occurrenceId: found.date.id }, status, ctx.now);
  await auditRegistration(tx, ctx, status, registration.id, { occurrence: found.date.id });
  await countAndTell(tx, found, registration, status, ctx, place);
  return status;
}

/**
 * After a registration took `status` (placeOn) on the date the caller locked: the date's counts, in
 * `found` and in the database, and the e-mail that tells the person.
 */
export async function countAndTell(
  tx: Executor,
  found: DateOfEvent,
  registration: Pick<RegistrationRow, 'id' | 'email' | 'name' | 'locale'>,
  status: 'confirmed' | 'waitlisted',
  links: Pick<PlacingContext, 'origin' | 'keys'>,
  place: EventPlace,
): Promise<void> {
  await addToCounts(tx, found.date.id, status === 'confirmed' ? { confirmed: 1 } : { waitlisted: 1 });
  if (status === 'confirmed') found.date.confirmed++;
  else found.date.waitlisted++;
  await mailRegistration(tx, links, status, {
    to: registration,
    event: found.event,
    date: found.date,
    place,
    position: found.date.waitlisted,
  });
}

/**
 * Moves the first people of a date's waiting list up to the places free (after a cancellation, or
 * when the organisers raised the capacity), each told by e-mail; returns their registrations' ids.
 * Locks the date's row (again, if the caller did already). Nobody moves up once the date has begun.
 */
export async function moveUpFromWaitlist(
  tx: Executor,
  occurrenceId: string,
  ctx: PlacingContext,
): Promise<string[]> {
  const found = await findDate(tx, occurrenceId, true);
  if (!found || !isOpen(found, ctx.now)) return [];
  const moved: string[] = [];
  let place: EventPlace | undefined;
  while (hasRoom(found)) {
    const next = await lockFirstWaiting(tx, occurrenceId);
    if (!next) break;
    await setStatus(tx, next.id, 'confirmed');
    await addToCounts(tx, occurrenceId, { confirmed: 1, waitlisted: -1 });
    found.date.confirmed++;
    found.date.waitlisted--;
    await auditRegistration(tx, ctx, 'moved_up', next.id, { occurrence: occurrenceId });
    place ??= await placeOf(tx, found.event);
    await mailRegistration(tx, ctx, 'moved_up', {
      to: next,
      event: found.event,
      date: found.date,
      place,
    });
    moved.push(next.id);
  }
  return moved;
}
