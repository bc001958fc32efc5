// The moderators' queue of visitors' signals, oldest first, with their texts opened: a moderator
// reads the text to decide whether it is a need (and names nobody) before it counts.
import type { KeyRing } from '../../../shared/field-encryption.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { presentSignal, type SignalView } from '../present-signal.ts';
import { requireSignalModerator } from '../signals.policy.ts';
import { findPendingSignals } from '../signals.repo.ts';

export async function listPendingSignals(ctx: UseCaseContext & { keys: KeyRing }): Promise<SignalView[]> {
  requireSignalModerator(ctx.actor);
  return (await findPendingSignals(ctx.db)).map(presentSignal(ctx.keys));
}
