// The two lists of bookings an organisation's people work from, built the same way whether shown
// plainly, after an action, or again with a refused form: its rooms with the requests to decide
// (for its room managers), and its own bookings of other organisations' rooms (for any member).
import type { FastifyRequest } from 'fastify';
import type { WebDeps } from '../../../http/deps.ts';
import { originOf, pageFor } from '../../../http/request-context.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { findFeedVersion } from '../calendar/feed-keys.repo.ts';
import { organisationFeedPath } from '../calendar/feed-token.ts';
import { listOwnRooms } from '../rooms/room-queries.ts';
import type { SpaceContext } from '../space-context.ts';
import { managesRooms } from '../spaces.policy.ts';
import { OurBookingsPage } from '../views/our-bookings.page.tsx';
import { OwnRoomsPage } from '../views/own-rooms.page.tsx';
import { listBookingsBy, listRequestsTo } from './booking-queries.ts';

type OwnExtra = Pick<Parameters<typeof OwnRoomsPage>[0], 'refused' | 'range' | 'done'>;
type OurExtra = Pick<Parameters<typeof OurBookingsPage>[0], 'range' | 'done'>;

export async function ownRoomsPage(
  request: FastifyRequest,
  deps: WebDeps,
  ctx: SpaceContext,
  organisationId: string,
  extra: OwnExtra = {},
) {
  const { organisation, rooms } = await listOwnRooms(ctx, organisationId);
  const requests = await listRequestsTo(ctx, organisation.id);
  const page = await pageFor(request, deps);
  const feedVersion = await findFeedVersion(ctx.db, organisation.id);
  return OwnRoomsPage({
    ctx: page,
    organisation: { id: organisation.id, name: pickText(organisation.name, page.locale)?.text ?? '' },
    rooms,
    requests,
    feedUrl: `${originOf(request, deps.config)}${organisationFeedPath(deps.keys, organisation.id, page.locale, feedVersion)}`,
    ...extra,
  });
}

export async function ourBookingsPage(
  request: FastifyRequest,
  deps: WebDeps,
  ctx: SpaceContext,
  organisationId: string,
  extra: OurExtra = {},
) {
  const { organisation, asked } = await listBookingsBy(ctx, organisationId);
  const page = await pageFor(request, deps);
  return OurBookingsPage({
    ctx: page,
    organisation: { id: organisation.id, name: pickText(organisation.name, page.locale)?.text ?? '' },
    canEdit: await managesRooms(ctx.db, ctx.actor, organisation.id),
    asked,
    ...extra,
  });
}
