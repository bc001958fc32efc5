// Publishing a room, or changing one: its organisation's editors (or an integration with its token)
// describe it, at one of the organisation's places, with its weekly opening windows. One
// transaction writes the room, its windows (one RFC 5545 rule per set of days with the same times)
// and the audit entry.
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { getOrganisation } from '../../directory/index.ts';
import { weeklyRule } from '../availability/availability.ts';
import type { SpaceContext } from '../space-context.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { requireRoomManager } from '../spaces.policy.ts';
import { checkRoom, checkWeek, type RoomInput, type WeekInput } from './check-room.ts';
import { insertRoom, lockRoom, replaceOpenings, updateRoom } from './rooms.repo.ts';

export async function saveRoom(
  ctx: SpaceContext,
  organisationId: string,
  roomId: string | null,
  input: RoomInput,
  week: WeekInput,
): Promise<{ id: string }> {
  await requireRoomManager(ctx.db, ctx.actor, organisationId);
  const orgId = organisationId.toLowerCase();
  if (roomId !== null && !isUuid(roomId)) throw new AppError('ROOM_NOT_FOUND');
  const checked = checkRoom(input);
  const hours = checkWeek(week);
  const problems = [...checked.problems, ...hours.problems];
  const organisation = await getOrganisation(ctx.db, orgId);
  const place = organisation.locations.find((l) => l.id === input.locationId.toLowerCase());
  if (input.locationId && !place)
    problems.push({ field: 'location', message: 'room_location', code: 'room_location' });
  if (problems.length || !checked.value) throw new AppError('VALIDATION_FAILED', { fields: problems });
  const value = { ...checked.value, locationId: place!.id };
  const openings = hours.windows.map((w) => ({
    kind: 'open' as const,
    rule: weeklyRule(w.days, w.opens),
    minutes: w.minutes,
  }));

  return ctx.db.transaction(async (tx) => {
    let id: string;
    if (roomId === null) {
      id = await insertRoom(tx, {
        ...value,
        organisationId: orgId,
        createdBy: ctx.actor.kind === 'person' ? ctx.actor.userId : null,
        now: ctx.now,
      });
    } else {
      const room = await lockRoom(tx, roomId.toLowerCase());
      if (!room || room.organisationId !== orgId) throw new AppError('ROOM_NOT_FOUND');
      id = room.id;
      await updateRoom(tx, id, value, ctx.now);
    }
    await replaceOpenings(tx, id, openings, ctx.now);
    await auditSpaces(
      tx,
      ctx,
      roomId === null ? 'room_published' : 'room_changed',
      { type: 'room', id },
      {
        organisation: orgId,
      },
    );
    return { id };
  });
}
