// After a new key is put first in ENCRYPTION_KEYS, this re-encrypts every stored value that still
// uses an older key, in small transactions, so the old key can then be dropped from the ring.
// Values are bound to their row and column, so they are re-sealed in place.
import { and, eq, isNull, or } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client.ts';
import { resealColumn, sealedWithOlderKey } from '../../../db/reseal-column.ts';
import { decryptField, encryptField, type KeyRing } from '../../../shared/field-encryption.ts';
import { encryptedColumns as columns, eventContext, fieldContext } from '../referral-fields.ts';
import { referralEvents, referrals } from '../referrals.schema.ts';

const batch = 200;

export async function rotateEncryptionKey(
  db: Database,
  keys: KeyRing,
): Promise<{ referrals: number; messages: number }> {
  const stale = (column: AnyPgColumn) => sealedWithOlderKey(column, keys);
  const reseal = (value: string | null, context: string) =>
    value === null ? null : encryptField(keys, decryptField(keys, value, context), context);

  let referralCount = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(referrals)
        .where(and(isNull(referrals.purgedAt), or(...columns.map((c) => stale(referrals[c])))))
        .limit(batch)
        .for('update');
      for (const row of rows) {
        const patch = Object.fromEntries(columns.map((c) => [c, reseal(row[c], fieldContext(row.id, c))]));
        await tx.update(referrals).set(patch).where(eq(referrals.id, row.id));
      }
      return rows.length;
    });
    referralCount += done;
    if (done < batch) break;
  }

  const messageCount = await resealColumn(db, keys, {
    table: referralEvents,
    id: referralEvents.id,
    column: referralEvents.body,
    context: eventContext,
  });
  return { referrals: referralCount, messages: messageCount };
}
