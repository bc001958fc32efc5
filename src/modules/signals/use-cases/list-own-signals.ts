// An organisation's own signals, newest first, with their texts: for its members only, who wrote
// them; to anyone else the page does not exist.
import { AppError } from '../../../shared/errors.ts';
import type { KeyRing } from '../../../shared/field-encryption.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { findMembership } from '../../access/index.ts';
import { presentSignal, type SignalView } from '../present-signal.ts';
import { findSignalsOf } from '../signals.repo.ts';

export async function listOwnSignals(
  ctx: UseCaseContext & { keys: KeyRing },
  organisationId: string,
): Promise<SignalView[]> {
  const id = organisationId.toLowerCase();
  if (!isUuid(id) || !(await findMembership(ctx.db, ctx.actor.userId, id))) throw new AppError('NOT_FOUND');
  return (await findSignalsOf(ctx.db, id)).map(presentSignal(ctx.keys));
}
