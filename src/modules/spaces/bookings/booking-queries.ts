// The requests to an organisation's rooms, for its editors to decide, and its own bookings of
// others' rooms, for its members.
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import type { BookingView } from '../presenters/page-data.ts';
import type { SpaceContext } from '../space-context.ts';
import { actsFor, requireRoomManager } from '../spaces.policy.ts';
import { type BookingRow, findBookingsBy, findRequestsTo } from './bookings.repo.ts';

async function present(
  db: Executor,
  rows: { booking: BookingRow; roomName: I18nText }[],
  now: Date,
): Promise<BookingView[]> {
  const names = new Map<string, I18nText>();
  for (const id of new Set(rows.map((r) => r.booking.organisationId)))
    names.set(id, (await getOrganisationBrief(db, id)).name);
  // A weekly request's first waiting date offers to approve them all.
  const waiting = new Map<string, number>();
  for (const { booking: b } of rows)
    if (b.seriesId && b.status === 'requested' && b.period.start > now)
      waiting.set(b.seriesId, (waiting.get(b.seriesId) ?? 0) + 1);
  const offered = new Set<string>();
  return rows.map(({ booking: b, roomName }) => ({
    id: b.id,
    roomId: b.roomId,
    roomName,
    organisationId: b.organisationId,
    organisationName: names.get(b.organisationId) ?? {},
    start: b.period.start,
    end: b.period.end,
    attendees: b.attendees,
    purpose: b.purpose,
    status: b.status,
    reason: b.reason,
    seriesWaiting:
      b.seriesId && waiting.get(b.seriesId)! > 1 && !offered.has(b.seriesId) && b.period.start > now
        ? (offered.add(b.seriesId), waiting.get(b.seriesId))
        : undefined,
  }));
}

/** Asked-for and confirmed bookings of the organisation's rooms still to come, the asked-for first. */
export async function listRequestsTo(ctx: SpaceContext, organisationId: string): Promise<BookingView[]> {
  await requireRoomManager(ctx.db, ctx.actor, organisationId);
  return present(ctx.db, await findRequestsTo(ctx.db, organisationId.toLowerCase(), ctx.now), ctx.now);
}

/** The organisation's own bookings of other organisations' rooms still to come, for any of its members. */
export async function listBookingsBy(ctx: SpaceContext, organisationId: string) {
  const id = organisationId.toLowerCase();
  if (!isUuid(id) || !(await actsFor(ctx.db, ctx.actor, id))) throw new AppError('ORGANISATION_NOT_FOUND');
  return {
    organisation: await getOrganisationBrief(ctx.db, id),
    asked: await present(ctx.db, await findBookingsBy(ctx.db, id, ctx.now), ctx.now),
  };
}
