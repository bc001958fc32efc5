// The daily job of the board's dates, on a test clock: a post past its date closes itself; its
// author is reminded once, a week before, in their language; a changed date is reminded again.
import { describe, expect, it } from 'vitest';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import type { Member } from '../../../../test/helpers/members.ts';
import type { CheckedPost } from './check-post.ts';
import { editPost } from './edit-post.ts';
import { insertPost } from './posts.repo.ts';
import { runPostExpiry } from './run-post-expiry.ts';

const app = useTestApp();
const origin = 'https://passerelle.test';

const fields = (until: string): CheckedPost => ({
  direction: 'request',
  kind: 'volunteers',
  title: { nl: 'Vrijwilligers voor de kerstmarkt' },
  body: {},
  languages: [],
  themes: [],
  communes: [],
  allBrussels: true,
  until,
  informalMayAnswer: true,
});

const contextOf = (member: Member, now: Date) => ({
  db: app.t.database.db,
  actor: { userId: member.id, email: member.email, emailVerified: true, platformRole: 'member' as const },
  now,
  origin,
  locale: 'nl' as const,
  ip: null,
  mailQueued: () => {},
});

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

    // Changed after its reminder without a new date: not reminded again; with a new date: reminded
    // again, once.
    const edit = async (now: Date, until: string, title: string) => {
      const version = String(
        (await sql(app.t, 'select version from exchange_posts where id = $1', [later]))[0].version,
      );
      await editPost(contextOf(author, now), later, { ...fields(until), title: { nl: title }, version });
    };
    const jan = new Date('2027-01-25T06:15:00Z');
    expect(await runPostExpiry(db, { now: jan, origin })).toEqual({ expired: 0, reminded: 1 });
    await edit(jan, '2027-01-31', 'Vrijwilligers voor de lentemarkt');
    expect((await runPostExpiry(db, { now: new Date('2027-01-26T06:15:00Z'), origin })).reminded).toBe(0);
    await edit(jan, '2027-02-02', 'Vrijwilligers voor de lentemarkt');
    expect((await runPostExpiry(db, { now: new Date('2027-01-27T06:15:00Z'), origin })).reminded).toBe(1);
    expect(await mails()).toHaveLength(3);
  });

  it('reminds the organisation’s admins, in their language, when the author has left it', async () => {
    const { db } = app.t.database;
    const [{ id: org }] = await sql(
      app.t,
      'select id from organisations order by provenance_id offset 1 limit 1',
    );
    const author = await memberOf(app.t, org, ['editor'], { locale: 'nl' });
    const admin = await memberOf(app.t, org, ['admin'], { locale: 'en' });
    const id = await insertPost(db, {
      ...fields('2026-12-20'),
      organisationId: org,
      authorId: author.id,
      now: new Date('2026-11-01T09:00:00Z'),
    });
    await sql(app.t, 'delete from memberships where user_id = $1', [author.id]);
    expect((await runPostExpiry(db, { now: new Date('2026-12-13T06:15:00Z'), origin })).reminded).toBe(1);
    const sent = await sql(app.t, `select "to", locale, subject from outbox where text like $1`, [
      `%/exchange/${id}%`,
    ]);
    expect(sent).toEqual([
      { to: admin.email, locale: 'en', subject: 'Your post “Vrijwilligers voor de kerstmarkt” expires soon' },
    ]);
  });
});
