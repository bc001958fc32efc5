// Registrations whose address was never confirmed hold no place and tell nobody anything: they are
// deleted 48 hours after they were made, with their name and address.
import type { Database } from '../../../db/client.ts';
import { deleteUnconfirmedBefore } from './registrations.repo.ts';

export const unconfirmedKeptHours = 48;

export async function purgeUnconfirmedRegistrations(db: Database, now: Date): Promise<{ deleted: number }> {
  const deleted = await deleteUnconfirmedBefore(
    db,
    new Date(now.getTime() - unconfirmedKeptHours * 3_600_000),
  );
  return { deleted };
}
