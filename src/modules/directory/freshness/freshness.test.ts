// The freshness cycle with a controllable clock: reminders after six months (at most monthly),
// to the listing's editors or else its own address, the "still correct" link, the stale queue,
// and the daily jobs registered in pg-boss.
import { describe, expect, it } from 'vitest';
import { confirmedPerson, FormClient, lastMailTo, pathOf } from '../../../../test/helpers/form-client.ts';
import { testConfig, useTestApp } from '../../../../test/helpers/test-app.ts';
import { startJobs } from '../../../jobs.ts';
import { findStaleListings } from '../index.ts';
import { sendFreshnessReminders } from './send-freshness-reminders.ts';

const shared = useTestApp({ demo: false });

const day = 86_400_000;
const now = new Date('2026-11-23T09:00:00+01:00');

async function listing(
  name: string,
  lastConfirmedAt: string | null,
  email: string | null = null,
): Promise<string> {
  const { rows } = await shared.t.database.pool.query(
    `insert into organisations (name, kind, email, last_confirmed_at) values ($1, 'citizen_initiative', $2, $3) returning id`,
    [{ nl: name }, email, lastConfirmedAt],
  );
  return rows[0].id;
}

describe('freshness reminders', () => {
  it('reminds the editors of a listing unconfirmed for six months, once a month, and the link confirms it', async () => {
    const editor = await confirmedPerson(shared.t.app, shared.t.database, { locale: 'nl' });
    const id = await listing('Buurthuis Oud', '2026-05-01');
    const fresh = await listing('Buurthuis Vers', '2026-10-01');
    await shared.t.database.pool.query(
      `insert into memberships (user_id, organisation_id, roles) select id, $2, '{editor}' from users where email = $1`,
      [editor.email, id],
    );
    const first = await sendFreshnessReminders(shared.t.database.db, {
      origin: 'https://passerelle.test',
      now,
    });
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const mail = await lastMailTo(shared.t.database, editor.email);
    expect(mail?.subject).toBe('Klopt de fiche van Buurthuis Oud nog?');
    expect(mail?.text).toContain(`https://passerelle.test/nl/manage/organisations/${id}/profile`);
    const confirmLink = /https:\/\/\S+confirm-listing\?token=\S+/.exec(mail!.text)![0];
    const { rows: none } = await shared.t.database.pool.query(
      'select count(*)::int n from listing_confirmations where organisation_id = $1',
      [fresh],
    );
    expect(none[0].n).toBe(0);

    // The same day, and two weeks later: nothing new. A month later: again.
    expect(
      (await sendFreshnessReminders(shared.t.database.db, { origin: 'https://passerelle.test', now }))
        .reminded,
    ).toBe(0);
    const later = new Date(now.getTime() + 14 * day);
    expect(
      (await sendFreshnessReminders(shared.t.database.db, { origin: 'https://passerelle.test', now: later }))
        .reminded,
    ).toBe(0);
    const monthLater = new Date(now.getTime() + 31 * day);
    expect(
      (
        await sendFreshnessReminders(shared.t.database.db, {
          origin: 'https://passerelle.test',
          now: monthLater,
        })
      ).reminded,
    ).toBeGreaterThanOrEqual(1);

    // Opening the link changes nothing; the button confirms, once.
    const visitor = new FormClient(shared.t.app);
    const opened = await visitor.get(pathOf(confirmLink));
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('Ja, alles klopt nog');
    const { rows: before } = await shared.t.database.pool.query(
      'select last_confirmed_at::text from organisations where id = $1',
      [id],
    );
    expect(before[0].last_confirmed_at).toBe('2026-05-01');
    const token = new URL(confirmLink).searchParams.get('token')!;
    const csrf = visitor.csrfToken();
    const confirmed = await visitor.post('/nl/confirm-listing', { token });
    expect(confirmed.body).toContain('De fiche is bevestigd op vandaag.');
    const { rows: after } = await shared.t.database.pool.query(
      'select last_confirmed_at::text from organisations where id = $1',
      [id],
    );
    expect(after[0].last_confirmed_at).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date()),
    );
    expect((await visitor.post('/nl/confirm-listing', { token, _csrf: csrf })).statusCode).toBe(400);
  });

  it('writes to the organisation’s own address, with a link to claim it, when nobody manages the listing', async () => {
    const address = `info.${Date.now()}@example.org`;
    const id = await listing('Zonder beheerder', null, address);
    await sendFreshnessReminders(shared.t.database.db, { origin: 'https://passerelle.test', now });
    const mail = await lastMailTo(shared.t.database, address);
    expect(mail?.locale).toBe('fr');
    expect(mail?.text).toContain(`https://passerelle.test/fr/organisations/${id}/claim`);
  });

  it('marks a listing nobody can be reached for, so it does not come back every day', async () => {
    const id = await listing('Onbereikbaar', '2025-01-01');
    await sendFreshnessReminders(shared.t.database.db, { origin: 'https://passerelle.test', now });
    const { rows } = await shared.t.database.pool.query(
      'select count(*)::int n from listing_confirmations where organisation_id = $1',
      [id],
    );
    expect(rows[0].n).toBe(1);
    const next = new Date(now.getTime() + day);
    await sendFreshnessReminders(shared.t.database.db, { origin: 'https://passerelle.test', now: next });
    const { rows: again } = await shared.t.database.pool.query(
      'select count(*)::int n from listing_confirmations where organisation_id = $1',
      [id],
    );
    expect(again[0].n).toBe(1);
  });

  it('leaves demo listings alone', async () => {
    const { rows } = await shared.t.database.pool.query(
      `insert into organisations (name, kind, email, is_demo, provenance_source) values ('{"nl":"Demo"}', 'formal', 'demo@example.org', true, 'demo') returning id`,
    );
    await sendFreshnessReminders(shared.t.database.db, { origin: 'https://passerelle.test', now });
    const { rows: links } = await shared.t.database.pool.query(
      'select count(*)::int n from listing_confirmations where organisation_id = $1',
      [rows[0].id],
    );
    expect(links[0].n).toBe(0);
  });

  it('puts listings unconfirmed for twelve months in the moderators’ queue', async () => {
    const old = await listing('Heel oud', '2025-10-01');
    const recent = await listing('Recent', '2026-01-15');
    const stale = (await findStaleListings(shared.t.database.db, now)).map((l) => l.id);
    expect(stale).toContain(old);
    expect(stale).not.toContain(recent);
  });
});

describe('scheduled jobs', () => {
  it('registers the scheduled jobs in pg-boss, in Brussels time', async () => {
    const jobs = await startJobs({
      database: shared.t.database,
      origin: 'https://passerelle.test',
      log: shared.t.app.log,
      mailQueued: () => {},
      config: testConfig(),
    });
    try {
      const { rows } = await shared.t.database.pool.query(
        'select name, cron, options from pgboss.schedule order by name',
      );
      expect(rows.map((r) => [r.name, r.cron, r.options.tz])).toEqual([
        ['booking-reminders', '20 * * * *', 'Europe/Brussels'],
        ['event-registration-reminders', '25 * * * *', 'Europe/Brussels'],
        ['event-registrations-unconfirmed', '40 * * * *', 'Europe/Brussels'],
        ['exchange-call-reminders', '30 6 * * *', 'Europe/Brussels'],
        ['exchange-post-expiry', '15 6 * * *', 'Europe/Brussels'],
        ['exchange-search-window', '*/5 * * * *', 'Europe/Brussels'],
        ['expired-sessions', '30 3 * * *', 'Europe/Brussels'],
        ['follow-digests', '0 7 * * *', 'Europe/Brussels'],
        ['freshness-reminders', '0 9 * * *', 'Europe/Brussels'],
        ['network-search-window', '*/5 * * * *', 'Europe/Brussels'],
        ['purge-sent-mail', '45 3 * * *', 'Europe/Brussels'],
        ['referral-deadlines', '5 * * * *', 'Europe/Brussels'],
        ['referral-retention', '15 3 * * *', 'Europe/Brussels'],
      ]);
      // The schedule's first check (jobs-schedule.ts) claims the turn in pg-boss's table.
      const claimed = async () =>
        (await shared.t.database.pool.query('select cron_on from pgboss.version')).rows[0]?.cron_on;
      for (let i = 0; i < 100 && !(await claimed()); i++) await new Promise((r) => setTimeout(r, 100));
      expect(await claimed()).toBeInstanceOf(Date);
    } finally {
      await jobs.stop();
    }
  });
});
