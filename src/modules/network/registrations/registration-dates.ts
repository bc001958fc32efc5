// A date of an event as its URL names it (/events/{eventId}/dates/{occurrenceId}): ids that are not
// ids, a date of another event or a date called off are "not found".
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { type DateOfEvent, findDate } from './registrations.repo.ts';

export async function findDateOfEvent(
  db: Executor,
  eventId: string,
  occurrenceId: string,
): Promise<DateOfEvent> {
  if (!isUuid(eventId)) throw new AppError('EVENT_NOT_FOUND');
  if (!isUuid(occurrenceId)) throw new AppError('OCCURRENCE_NOT_FOUND');
  const found = await findDate(db, occurrenceId.toLowerCase());
  if (!found || found.date.eventId !== eventId.toLowerCase() || found.date.cancelledAt)
    throw new AppError('OCCURRENCE_NOT_FOUND');
  return found;
}
