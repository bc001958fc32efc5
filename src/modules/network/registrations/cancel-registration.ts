// Cancelling a registration: by the person's link (a button on its page), or by a signed-in person
// on the date's registration page. A confirmed place frees up and, in the same transaction, the
// first on the waiting list takes it and is told. Once the date has begun, nothing is cancelled.
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import type { NetworkContext, VisitorContext, WithKeys } from '../network-context.ts';
import { isOpen, moveUpFromWaitlist } from './place-registration.ts';
import { mailRegistration } from './registration-mail.ts';
import { findRegistrationByLink } from './registration-link.ts';
import { auditRegistration } from './registrations-audit.ts';
import { findDateOfEvent } from './registration-dates.ts';
import {
  addToCounts,
  findDate,
  findOwnRegistration,
  lockRegistration,
  type RegistrationRow,
  setStatus,
} from './registrations.repo.ts';

async function cancel(
  ctx: WithKeys<VisitorContext>,
  registration: RegistrationRow,
): Promise<{ eventId: string; occurrenceId: string }> {
  const result = await ctx.db.transaction(async (tx: Executor) => {
    const found = await findDate(tx, registration.occurrenceId, true);
    const current = await lockRegistration(tx, registration.id);
    if (!found || !current) throw new AppError('REGISTRATION_NOT_FOUND');
    const where = { eventId: found.event.id, occurrenceId: found.date.id };
    if (current.status === 'cancelled') return where;
    if (found.date.startsAt <= ctx.now) throw new AppError('REGISTRATION_CLOSED');
    await setStatus(tx, current.id, 'cancelled', { cancelledAt: ctx.now });
    if (current.status === 'confirmed') await addToCounts(tx, found.date.id, { confirmed: -1 });
    if (current.status === 'waitlisted') await addToCounts(tx, found.date.id, { waitlisted: -1 });
    await auditRegistration(tx, ctx, 'cancelled', current.id, {
      occurrence: found.date.id,
      was: current.status,
    });
    if (current.status !== 'unconfirmed')
      await mailRegistration(tx, ctx, 'cancelled', {
        to: current,
        event: found.event,
        date: found.date,
        place: { address: null, onlineUrl: null },
      });
    if (current.status === 'confirmed' && isOpen(found, ctx.now))
      await moveUpFromWaitlist(tx, found.date.id, ctx);
    return where;
  });
  ctx.mailQueued();
  return result;
}

/** By the person's link. */
export async function cancelByLink(ctx: WithKeys<VisitorContext>, token: string) {
  return cancel(ctx, await findRegistrationByLink(ctx.db, ctx.keys, token));
}

/** By a signed-in person, their own registration for this date of this event. */
export async function cancelOwnRegistration(
  ctx: WithKeys<NetworkContext>,
  eventId: string,
  occurrenceId: string,
) {
  const found = await findDateOfEvent(ctx.db, eventId, occurrenceId);
  const registration = await findOwnRegistration(ctx.db, found.date.id, ctx.actor);
  if (!registration) throw new AppError('REGISTRATION_NOT_FOUND');
  return cancel(ctx, registration);
}
