// The moderators' queue of visitors' signals, oldest first, with their texts opened: a moderator
// reads the text to decide whether it is a need (and names nobody) before it counts.
import { decryptField } from '../../../shared/field-encryption.ts';
import type { KeyRing } from '../../../shared/field-encryption.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { requireSignalModerator } from '../signals.policy.ts';
import { findPendingSignals } from '../signals.repo.ts';
import { signalNoteContext } from './signal-need.ts';

export interface PendingSignal {
  id: string;
  themeCodes: string[];
  communeNis: string;
  quartierCode: number | null;
  targetGroup: string;
  peopleBand: string;
  seenOn: string;
  createdAt: Date;
  note: string | null;
}

export async function listPendingSignals(ctx: UseCaseContext & { keys: KeyRing }): Promise<PendingSignal[]> {
  requireSignalModerator(ctx.actor);
  return (await findPendingSignals(ctx.db)).map((row) => ({
    id: row.id,
    themeCodes: row.themeCodes,
    communeNis: row.communeNis,
    quartierCode: row.quartierCode,
    targetGroup: row.targetGroup,
    peopleBand: row.peopleBand,
    seenOn: row.seenOn,
    createdAt: row.createdAt,
    note: row.note === null ? null : decryptField(ctx.keys, row.note, signalNoteContext(row.id)),
  }));
}
