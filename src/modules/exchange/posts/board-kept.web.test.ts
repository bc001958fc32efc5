// The board and the calls' calendar keep a visitor's page while no post or call changed: a change
// committed anywhere (another process, a job, a person) shows on the next page, a transaction that
// rolled back changes nothing, and a signed-in person's page is never kept.
import { describe, expect, it } from 'vitest';
import { signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { addDays, brusselsDay } from './dates.ts';

const app = useTestApp();
const edition = async () =>
  (await sql(app.t, 'select edition from exchange_edition where id = 1'))[0].edition as number;

async function insertPost(title: string): Promise<string> {
  const [organisation] = await sql(app.t, 'select id from organisations order by provenance_id limit 1');
  const [row] = await sql(
    app.t,
    `insert into exchange_posts (organisation_id, direction, kind, title, until, all_brussels, search_terms)
     values ($1, 'offer', 'room_or_material', $2, $3, true, to_tsvector('simple', $4)) returning id`,
    [organisation!.id, JSON.stringify({ en: title }), addDays(brusselsDay(new Date()), 20), title],
  );
  return row!.id as string;
}

describe('visitors’ pages of the exchange', () => {
  it('are kept while nothing changes, and show a change at once', async () => {
    const path = '/en/exchange?kind=room_or_material';
    const first = await app.get(path);
    expect(first.statusCode).toBe(200);
    expect((await app.get(path)).body).toBe(first.body);
    expect(first.body).not.toContain('_csrf');

    const before = await edition();
    const id = await insertPost('Kept board test: folding tables to lend');
    expect(await edition()).toBe(before + 1);
    expect((await app.get(path)).body).toContain('Kept board test: folding tables to lend');

    // Several changes in one transaction raise it once; one rolled back, not at all.
    await sql(
      app.t,
      `with a as (update exchange_posts set title = '{"en":"Kept board test: chairs to lend"}' where id = $1)
       update exchange_calls set updated_at = updated_at where false`,
      [id],
    );
    expect(await edition()).toBe(before + 2);
    await expect(
      sql(app.t, `update exchange_posts set kind = 'nonsense' where id = $1`, [id]),
    ).rejects.toThrow();
    expect(await edition()).toBe(before + 2);
    const changed = await app.get(path);
    expect(changed.body).toContain('Kept board test: chairs to lend');
    expect(changed.body).not.toContain('folding tables');

    // The calendar's page moves with the same number.
    const calendar = await app.get('/fr/exchange/calls');
    expect((await app.get('/fr/exchange/calls')).body).toBe(calendar.body);

    // A signed-in person's board is their own.
    const person = await signedInPerson(app.t, { locale: 'en' });
    const theirs = await person.get(path);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).toContain('Kept board test: chairs to lend');
    expect(theirs.body).not.toBe(changed.body);
  });

  it('moves under a restore tool’s empty search path, and comes back if its row was deleted', async () => {
    const client = await app.t.database.pool.connect();
    try {
      const before = await edition();
      await client.query(`select pg_catalog.set_config('search_path', '', false)`);
      await client.query(
        `update public.exchange_posts set kind = kind where id = (select id from public.exchange_posts limit 1)`,
      );
      await client.query(
        `update public.organisations set updated_at = updated_at where id = (select id from public.organisations limit 1)`,
      );
      expect(await edition()).toBe(before + 1);
      await client.query('delete from public.exchange_edition');
      await client.query(`update public.exchange_posts set kind = kind`);
      expect(await edition()).toBe(1);
    } finally {
      client.release(true);
    }
  });
});
