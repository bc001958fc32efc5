// The daily job of the calls' deadlines, on a test clock: the members of an organisation following a
// call are reminded 14 days before its deadline and again 3 days before, each once, in their
// language, even when two runs go at once; a moved deadline is reminded of again; a withdrawn call
// is not.
import { describe, expect, it } from 'vitest';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { findCall, insertCall, insertFollow, markWithdrawn, updateCall } from './calls.repo.ts';
import { runCallReminders } from './run-call-reminders.ts';

const app = useTestApp();
const origin = 'https://passerelle.test';
const day = 86_400_000;
const deadline = new Date('2027-03-31T10:00:00Z');
const before = (days: number, hours = 0) => new Date(deadline.getTime() - days * day - hours * 3_600_000);

async function newCall(title: string, closesAt = deadline) {
  return insertCall(app.t.database.db, {
    funder: 'cocof',
    title: { fr: title },
    summary: {},
    amountMin: null,
    amountMax: null,
    informalEligible: true,
    kboRequired: false,
    themes: [],
    communes: [],
    allBrussels: true,
    opensAt: new Date('2027-01-01T09:00:00Z'),
    closesAt,
    timeZone: 'Europe/Brussels',
    link: 'https://cocof.brussels/appel',
    publisherId: null,
    authorId: null,
    now: new Date('2027-01-01T09:00:00Z'),
  });
}

describe('runCallReminders', () => {
  it('reminds the members of following organisations 14 and 3 days before, each once', async () => {
    const { db } = app.t.database;
    const [{ id: org }] = await sql(app.t, 'select id from organisations order by provenance_id limit 1');
    const nl = await memberOf(app.t, org, ['editor'], { locale: 'nl' });
    const fr = await memberOf(app.t, org, ['referrer'], { locale: 'fr' });
    const followed = await newCall('Appel cohésion sociale 2027');
    const ignored = await newCall('Appel que personne ne suit');
    const withdrawn = await newCall('Appel retiré');
    for (const id of [followed, withdrawn])
      await insertFollow(db, { callId: id, organisationId: org, followedBy: nl.id, now: before(30) });
    await markWithdrawn(db, withdrawn, nl.id, before(20));
    const mails = async () =>
      (
        await sql(
          app.t,
          `select "to", subject, text, locale from outbox where "to" = any($1) and text like '%/exchange/calls/%' order by created_at, id`,
          [[nl.email, fr.email]],
        )
      ).map((m) => m as { to: string; subject: string; text: string; locale: string });
    const run = (now: Date) => runCallReminders(db, { now, origin });

    expect(await run(before(15))).toEqual({ reminded: 0, mails: 0 });
    expect(await mails()).toEqual([]);

    // 14 days before: two runs at once remind once, each member in their language.
    const [a, b] = await Promise.all([run(before(13, 20)), run(before(13, 20))]);
    expect(a.reminded + b.reminded).toBe(1);
    expect(a.mails + b.mails).toBe(2);
    expect(await run(before(13, 19))).toEqual({ reminded: 0, mails: 0 });
    const first = await mails();
    expect(first.map((m) => [m.to, m.locale]).sort()).toEqual(
      [
        [fr.email, 'fr'],
        [nl.email, 'nl'],
      ].sort(),
    );
    const french = first.find((m) => m.locale === 'fr')!;
    expect(french.subject).toBe('Plus que 14 jours : « Appel cohésion sociale 2027 »');
    expect(french.text).toContain(`${origin}/fr/exchange/calls/${followed}`);
    expect(first.find((m) => m.locale === 'nl')!.subject).toBe('Nog 14 dagen: “Appel cohésion sociale 2027”');

    // 3 days before: the second reminder, once.
    expect(await run(before(5))).toEqual({ reminded: 0, mails: 0 });
    expect(await run(before(2, 20))).toEqual({ reminded: 1, mails: 2 });
    expect(await run(before(1))).toEqual({ reminded: 0, mails: 0 });
    expect((await mails()).length).toBe(4);
    expect((await mails()).at(-1)!.subject).toMatch(/3/);
    // After the deadline, nothing.
    expect(await run(new Date(deadline.getTime() + day))).toEqual({ reminded: 0, mails: 0 });
    // The call nobody follows and the withdrawn one were never reminded.
    expect((await mails()).filter((m) => /personne|retiré/.test(m.text))).toEqual([]);
    void ignored;
  });

  it('a follow made late gets only the reminder due; a moved deadline is reminded of again', async () => {
    const { db } = app.t.database;
    const [{ id: org }] = await sql(
      app.t,
      'select id from organisations order by provenance_id offset 1 limit 1',
    );
    const member = await memberOf(app.t, org, ['admin'], { locale: 'en' });
    const id = await newCall('Late follow call');
    await insertFollow(db, { callId: id, organisationId: org, followedBy: member.id, now: before(2) });
    expect(await runCallReminders(db, { now: before(2), origin })).toEqual({ reminded: 1, mails: 1 });
    expect(await runCallReminders(db, { now: before(1), origin })).toEqual({ reminded: 0, mails: 0 });
    const [row] = await sql(
      app.t,
      'select reminded_far_at is not null as far, reminded_near_at is not null as near from exchange_call_follows where call_id = $1',
      [id],
    );
    expect(row).toEqual({ far: true, near: true });
    // The deadline moves a month later: reminded again 14 days before the new one.
    const call = (await findCall(db, id))!;
    const {
      id: _id,
      publisherId: _p,
      authorId: _a,
      status: _s,
      withdrawnAt: _w,
      withdrawnBy: _b,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      ...fields
    } = call;
    const moved = new Date(deadline.getTime() + 30 * day);
    await updateCall(db, call, { ...fields, closesAt: moved }, before(1));
    expect(await runCallReminders(db, { now: before(1), origin })).toEqual({ reminded: 0, mails: 0 });
    expect(await runCallReminders(db, { now: new Date(moved.getTime() - 13 * day), origin })).toEqual({
      reminded: 1,
      mails: 1,
    });
  });
});
