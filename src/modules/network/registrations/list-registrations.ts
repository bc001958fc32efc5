// The organisers' list of who registered for an event's dates (all, or one): confirmed, the waiting
// list in its order, and how many have not confirmed their address yet. Only for the editors and
// admins of the event's organisation; to anyone else the event does not exist.
import { AppError } from '../../../shared/errors.ts';
import type { NetworkContext } from '../network-context.ts';
import type { RegistrationListData } from './page-data.ts';
import { requireOrganiser } from './registrations.policy.ts';
import { listDatesOf, listRegistrationsOf } from './registrations.repo.ts';

export async function listEventRegistrations(
  ctx: NetworkContext,
  eventId: string,
  onlyDate?: string,
): Promise<RegistrationListData> {
  const event = await requireOrganiser(ctx.db, ctx.actor, eventId);
  let dates = await listDatesOf(ctx.db, event.id);
  if (onlyDate) {
    dates = dates.filter((d) => d.id === onlyDate.toLowerCase());
    if (!dates.length) throw new AppError('OCCURRENCE_NOT_FOUND');
  }
  const people = await listRegistrationsOf(
    ctx.db,
    dates.map((d) => d.id),
  );
  return {
    event,
    dates: dates.map((date) => {
      const of = people.filter((p) => p.occurrenceId === date.id);
      return {
        ...date,
        people: of
          .filter((p) => p.status === 'confirmed' || p.status === 'waitlisted')
          .map(({ name, email, status, placedAt, createdAt }) => ({
            name,
            email,
            status,
            placedAt,
            createdAt,
          })),
        unconfirmed: of.filter((p) => p.status === 'unconfirmed').length,
      };
    }),
  };
}
