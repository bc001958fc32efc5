// Confirming one's address with the link of the e-mail (a button on the link's page: mail scanners
// open links, they do not post forms). The registration then takes a place, or a waitlist place.
// Confirming again changes nothing.
import { AppError } from '../../../shared/errors.ts';
import type { VisitorContext, WithKeys } from '../network-context.ts';
import { isOpen, placeRegistration } from './place-registration.ts';
import { placeOf } from './registration-words.ts';
import { findRegistrationByLink } from './registration-link.ts';
import { findDate, lockRegistration } from './registrations.repo.ts';

export async function confirmRegistration(
  ctx: WithKeys<VisitorContext>,
  token: string,
): Promise<{ status: 'confirmed' | 'waitlisted' | 'cancelled' }> {
  const registration = await findRegistrationByLink(ctx.db, ctx.keys, token);
  const before = await findDate(ctx.db, registration.occurrenceId);
  if (!before) throw new AppError('REGISTRATION_NOT_FOUND');
  const place = await placeOf(ctx.db, before.event);
  const status = await ctx.db.transaction(async (tx) => {
    // The date first, then the registration: every writer locks in this order.
    const found = await findDate(tx, registration.occurrenceId, true);
    const current = await lockRegistration(tx, registration.id);
    if (!found || !current) throw new AppError('REGISTRATION_NOT_FOUND');
    if (current.status !== 'unconfirmed') return current.status;
    if (!isOpen(found, ctx.now)) throw new AppError('REGISTRATION_CLOSED');
    return placeRegistration(tx, found, current, ctx, place);
  });
  ctx.mailQueued();
  return { status };
}
