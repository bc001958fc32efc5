// What the registration pages show, read for the reader: the register form's date (and the
// signed-in person's own registration), and the person's page at their link.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { KeyRing } from '../../../shared/field-encryption.ts';
import type { RegisterPageData, RegistrationPageData } from './page-data.ts';
import { isOpen } from './place-registration.ts';
import { findDateOfEvent } from './registration-dates.ts';
import { findRegistrationByLink } from './registration-link.ts';
import { placeOf } from './registration-words.ts';
import { isMemberOfSome } from './registrations.policy.ts';
import { findDate, findOwnRegistration } from './registrations.repo.ts';

export async function registerPageData(
  ctx: { db: Executor; now: Date; actor: Actor | null },
  eventId: string,
  occurrenceId: string,
): Promise<RegisterPageData> {
  const found = await findDateOfEvent(ctx.db, eventId, occurrenceId);
  const own = ctx.actor ? await findOwnRegistration(ctx.db, found.date.id, ctx.actor) : undefined;
  const closed = !isOpen(found, ctx.now)
    ? 'closed'
    : found.event.whoMayRegister === 'members' && !(await isMemberOfSome(ctx.db, ctx.actor))
      ? 'members_only'
      : null;
  return { event: found.event, date: found.date, closed, own: own ? { status: own.status } : null };
}

export async function registrationPageData(
  ctx: { db: Executor; now: Date; keys: KeyRing },
  token: string,
): Promise<RegistrationPageData> {
  const registration = await findRegistrationByLink(ctx.db, ctx.keys, token);
  const found = (await findDate(ctx.db, registration.occurrenceId))!;
  return {
    id: registration.id,
    token,
    name: registration.name,
    status: registration.status,
    event: found.event,
    date: found.date,
    place: await placeOf(ctx.db, found.event),
    past: found.date.startsAt <= ctx.now,
    calledOff: found.event.status === 'cancelled' || found.date.cancelledAt !== null,
  };
}
