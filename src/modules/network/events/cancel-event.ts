// Calling an event off: its organisation's editors give a reason, which its page shows. Its dates
// and registrations stay, so the people registered see it; those with a place or waiting for one
// to come are told by e-mail, with the reason, in the same transaction.
import { AppError } from '../../../shared/errors.ts';
import { agendaChanged } from '../agenda/agenda-live.ts';
import type { NetworkContext, WithKeys } from '../network-context.ts';
import { auditEvent } from './events-audit.ts';
import { eventToManage } from './event-to-manage.ts';
import { lockEvent, setCancelled } from './events.repo.ts';
import { tellCalledOff } from '../registrations/tell-called-off.ts';

export const cancelReasonMax = 500;

export async function cancelEvent(
  ctx: WithKeys<NetworkContext>,
  eventId: string,
  reasonText: string,
): Promise<{ id: string; organisationId: string }> {
  const event = await eventToManage(ctx, eventId);
  const reason = reasonText.trim();
  const code = !reason
    ? 'event_cancel_reason'
    : reason.length > cancelReasonMax
      ? 'event_cancel_reason_long'
      : null;
  if (code) throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'reason', message: code, code }] });
  const cancelled = await ctx.db.transaction(async (tx) => {
    const locked = await lockEvent(tx, event.id);
    if (!locked) throw new AppError('EVENT_NOT_FOUND');
    if (locked.status === 'cancelled') return { id: locked.id, organisationId: locked.organisationId };
    await setCancelled(tx, locked.id, reason, ctx.now);
    await tellCalledOff(tx, ctx, locked.id, null, reason);
    await auditEvent(tx, ctx, 'event_cancelled', locked.id, { organisation: locked.organisationId, reason });
    return { id: locked.id, organisationId: locked.organisationId };
  });
  agendaChanged(ctx.db, [cancelled.id]);
  return cancelled;
}
