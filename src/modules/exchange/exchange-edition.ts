// The number every committed change of posts or calls raises (migration 0035's triggers): the board
// and the calendar keep visitors' pages under it, so a change shows on the next page in every process.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

export async function exchangeEditionOf(db: Executor): Promise<number> {
  const { rows } = await db.execute<{ edition: number }>(
    sql`select edition from exchange_edition where id = 1`,
  );
  return rows[0]?.edition ?? 0;
}
