// The daily job of the board's dates, on a test clock: a post past its date closes itself; its
// author is reminded once, a week before, in their language; a changed date is reminded again.
import { describe, expect, it } from 'vitest';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { insertPost } from './posts.repo.ts';
import { runPostExpiry } from './run-post-expiry.ts';

const app = useTestApp();
const origin = 'https://passerelle.test';

describe('runPostExpiry', () => {
  it('reminds the author a week before, once, and closes the post after its date', async () => {
    const { db } = app.t.database;
    const [{ id: org }] = await sql(app.t, 'select id from organisations order by provenance_id limit 1');
    const author = await memberOf(app.t, org, ['editor'], { locale: 'nl' });
    const post = (until: string, title: string) =>
      insertPost(db, {
        direction: 'request',
        kind: 'volunteers',
        title: { nl: title },
        body: {},
        languages: [],
        themes: [],
        communes: [],
        allBrussels: true,
        until,
        informalMayAnswer: true,
        organisationId: org,
        authorId: author.id,
        now: new Date('2026-11-01T09:00:00Z'),
      });
    const soon = await post('2026-12-20', 'Vrijwilligers voor de kerstmarkt');
    const later = await post('2027-01-31', 'Vrijwilligers voor de lente');
    const mails = async () =>
      (
        await sql(
          app.t,
          `select subject, text, locale from outbox where "to" = $1 and text like '%/exchange/%' order by created_at, id`,
          [author.email],
        )
      ).map((m) => m as { subject: string; text: string; locale: string });
    const status = async (id: string) =>
      (await sql(app.t, 'select status, reminded_at from exchange_posts where id = $1', [id]))[0];

    // Eight days before (Brussels): nothing yet.
    expect(await runPostExpiry(db, { now: new Date('2026-12-12T10:00:00Z'), origin })).toEqual({
      expired: 0,
      reminded: 0,
    });
    // Seven days before: one reminder, in Dutch, with the post's link; a second run sends none.
    const week = new Date('2026-12-13T06:15:00Z');
    expect(await runPostExpiry(db, { now: week, origin })).toEqual({ expired: 0, reminded: 1 });
    expect(await runPostExpiry(db, { now: week, origin })).toEqual({ expired: 0, reminded: 0 });
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.locale).toBe('nl');
    expect(sent[0]!.subject).toBe('Uw bericht “Vrijwilligers voor de kerstmarkt” verloopt binnenkort');
    expect(sent[0]!.text).toContain('20 december 2026');
    expect(sent[0]!.text).toContain(`${origin}/nl/exchange/${soon}`);
    expect((await status(soon)).reminded_at).not.toBeNull();

    // On its last day it is still open; the next morning it is expired, and only it.
    expect((await runPostExpiry(db, { now: new Date('2026-12-20T22:30:00Z'), origin })).expired).toBe(0);
    expect(await runPostExpiry(db, { now: new Date('2026-12-21T05:15:00Z'), origin })).toEqual({
      expired: 1,
      reminded: 0,
    });
    expect((await status(soon)).status).toBe('expired');
    expect((await status(later)).status).toBe('open');

    // A date changed after the reminder is reminded again (updatePost clears reminded_at).
    await sql(app.t, `update exchange_posts set reminded_at = $2 where id = $1`, [later, new Date()]);
    await sql(app.t, `update exchange_posts set reminded_at = null, until = '2027-01-10' where id = $1`, [
      later,
    ]);
    expect((await runPostExpiry(db, { now: new Date('2027-01-03T06:15:00Z'), origin })).reminded).toBe(1);
    expect(await mails()).toHaveLength(2);
  });
});
