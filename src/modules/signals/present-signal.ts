// A signal as its readers see it (the moderators, the signalling organisation): its facts and its
// text opened. Nobody else is given one.
import { decryptField, type KeyRing } from '../../shared/field-encryption.ts';
import type { SignalRow } from './signals.repo.ts';
import { signalNoteContext } from './use-cases/signal-need.ts';

export interface SignalView {
  id: string;
  status: SignalRow['status'];
  themeCodes: string[];
  communeNis: string;
  quartierCode: number | null;
  targetGroup: string;
  peopleBand: string;
  seenOn: string;
  createdAt: Date;
  note: string | null;
}

export const presentSignal =
  (keys: KeyRing) =>
  (row: SignalRow): SignalView => ({
    id: row.id,
    status: row.status,
    themeCodes: row.themeCodes,
    communeNis: row.communeNis,
    quartierCode: row.quartierCode,
    targetGroup: row.targetGroup,
    peopleBand: row.peopleBand,
    seenOn: row.seenOn,
    createdAt: row.createdAt,
    note: row.note === null ? null : decryptField(keys, row.note, signalNoteContext(row.id)),
  });
