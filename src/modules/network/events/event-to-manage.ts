// The event a change is about, for its organisation's editors and admins only: to anyone else, and
// for an id that is not one, it is "not found".
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { NetworkContext } from '../network-context.ts';
import { managesEvents } from './events.policy.ts';
import { type EventRow, findEvent } from './events.repo.ts';

export async function eventToManage(ctx: NetworkContext, eventId: string): Promise<EventRow> {
  const event = isUuid(eventId) ? await findEvent(ctx.db, eventId.toLowerCase()) : undefined;
  if (!event || !(await managesEvents(ctx.db, ctx.actor, event.organisationId)))
    throw new AppError('EVENT_NOT_FOUND');
  return event;
}
