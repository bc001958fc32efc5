// Dates a room is closed (holidays, works): its editors add them and remove them. A closure is an
// RFC 5545 rule like the weekly windows, cut out of them; bookings already confirmed stay, for the
// owners to cancel if they must.
import { DateTime } from 'luxon';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { cleanText, type I18nText, locales } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { closureRule } from '../availability/availability.ts';
import type { SpaceContext } from '../space-context.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { roomToManage } from './room-to-manage.ts';
import { deleteClosure, insertClosure } from './rooms.repo.ts';

export async function addClosure(
  ctx: SpaceContext,
  roomId: string,
  input: { from: string; to: string; note: I18nText },
): Promise<void> {
  const room = await roomToManage(ctx, roomId);
  const problems: FieldProblem[] = [];
  const day = (field: string, text: string) => {
    const d = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? DateTime.fromISO(text.trim(), { zone: 'UTC' }) : null;
    if (!d?.isValid) problems.push({ field, message: 'date_invalid', code: 'date_invalid' });
    return d?.isValid ? d : null;
  };
  const from = day('closed_from', input.from);
  const to = input.to.trim() ? day('closed_to', input.to) : from;
  if (from && to && to < from)
    problems.push({ field: 'closed_to', message: 'date_order', code: 'date_order' });
  // 366 days from the first to the last is 367 days closed: more than a room's rule may hold.
  else if (from && to && to.diff(from, 'days').days >= 366)
    problems.push({ field: 'closed_to', message: 'date_span', code: 'date_span' });
  const note = cleanText(input.note);
  for (const l of locales)
    if ((note[l] ?? '').length > 200)
      problems.push({ field: `note.${l}`, message: 'too_long_200', code: 'too_long_200' });
  if (problems.length || !from || !to) throw new AppError('VALIDATION_FAILED', { fields: problems });
  await ctx.db.transaction(async (tx) => {
    const rule = closureRule(from.toISODate()!, to.toISODate()!);
    const id = await insertClosure(tx, room.id, { ...rule, note: note as Record<string, string> }, ctx.now);
    await auditSpaces(
      tx,
      ctx,
      'room_closed',
      { type: 'room', id: room.id },
      { closure: id, rule: rule.rule },
    );
  });
}

export async function removeClosure(ctx: SpaceContext, roomId: string, closureId: string): Promise<void> {
  const room = await roomToManage(ctx, roomId);
  if (!isUuid(closureId)) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteClosure(tx, room.id, closureId.toLowerCase()))) throw new AppError('NOT_FOUND');
    await auditSpaces(tx, ctx, 'room_reopened', { type: 'room', id: room.id }, { closure: closureId });
  });
}
