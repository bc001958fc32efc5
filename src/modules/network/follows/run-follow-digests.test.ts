// The daily digest against a real PostgreSQL, with a fixed clock: each reader gets one e-mail in
// their language with the new questions in their themes (sub-themes included) and the new answers to
// the questions they follow; nothing of their own, hidden, from before they followed, or members-only
// once they are no member; nothing for an unconfirmed address or when nothing is new; nothing twice,
// not even when two runs go at once. The unsubscribe link in it works.
import { describe, expect, it } from 'vitest';
import { FormClient, pathOf } from '../../../../test/helpers/form-client.ts';
import { memberOf, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { insertAnswer, insertQuestion } from '../../../../test/helpers/network-posts.ts';
import { testConfig, useTestApp } from '../../../../test/helpers/test-app.ts';
import { runFollowDigests } from './run-follow-digests.ts';

const app = useTestApp();
const hour = 3_600_000;
const origin = 'http://passerelle.test';
const keys = testConfig().encryptionKeys!;

const follow = async (userId: string, what: { theme?: string; question?: string }, at: Date) =>
  sql(app.t, 'insert into follows (user_id, theme_code, question_id, created_at) values ($1, $2, $3, $4)', [
    userId,
    what.theme ?? null,
    what.question ?? null,
    at.toISOString(),
  ]);
const mailsTo = async (to: string) =>
  (await sql(
    app.t,
    `select subject, text, locale from outbox where "to" = $1 and text like '%/follows/unsubscribe?token=%' order by created_at, id`,
    [to],
  )) as {
    subject: string;
    text: string;
    locale: string;
  }[];

describe('the daily digest', () => {
  it('tells each reader once, in their language, of what is new in what they follow', async () => {
    const base = new Date(Date.now() + 24 * hour);
    const at = (hours: number) => new Date(base.getTime() + hours * hour);
    const [{ id: org }] = await sql(app.t, 'select id from organisations order by provenance_id limit 1');
    const amina = await memberOf(app.t, org, ['referrer'], { locale: 'fr', name: 'Amina' });
    const bram = await signedInPerson(app.t, { locale: 'nl', name: 'Bram' });
    const quiet = await signedInPerson(app.t, { locale: 'en', name: 'Quiet' });
    const [{ id: unconfirmed }] = await sql(
      app.t,
      `insert into users (email, name, password_hash, locale) values ('unconfirmed@example.org', 'U', 'x', 'en') returning id`,
    );

    const followed = await insertQuestion(app.t, {
      authorId: bram.id,
      themes: ['work'],
      title: 'Stage zoeken: tips?',
      createdAt: at(-20),
    });
    const leftMembers = await insertQuestion(app.t, {
      visibility: 'members',
      themes: ['work'],
      title: 'Intern overleg',
      createdAt: at(-20),
    });
    for (const [userId, theme] of [
      [amina.id, 'housing'],
      [bram.id, 'housing'],
      [unconfirmed, 'housing'],
      [quiet.id, 'mobility'],
      // A sub-theme follows only itself: none of the new questions is in it.
      [quiet.id, 'housing.energy'],
    ])
      await follow(userId, { theme }, at(-10));
    await follow(amina.id, { question: followed }, at(-10));
    await follow(bram.id, { question: leftMembers }, at(-10));

    const old = await insertQuestion(app.t, { title: 'From before the follow', createdAt: at(-12) });
    const sub = await insertQuestion(app.t, {
      themes: ['housing.search'],
      language: 'fr',
      title: 'Où trouver un logement <script>alert(1)</script> ?',
      createdAt: at(-5),
    });
    const members = await insertQuestion(app.t, {
      visibility: 'members',
      title: 'Alleen voor leden: huurwaarborg',
      createdAt: at(-4),
    });
    const hidden = await insertQuestion(app.t, {
      hidden: true,
      title: 'Hidden by the moderators',
      createdAt: at(-4),
    });
    const own = await insertQuestion(app.t, {
      authorId: amina.id,
      title: 'Amina asks about housing',
      createdAt: at(-3),
    });
    const elsewhere = await insertQuestion(app.t, {
      themes: ['food'],
      title: 'Food parcels on Sunday',
      createdAt: at(-3),
    });
    await insertAnswer(app.t, followed, { authorId: bram.id, createdAt: at(-3) });
    await insertAnswer(app.t, followed, { hidden: true, createdAt: at(-2) });
    await insertAnswer(app.t, followed, { authorId: amina.id, createdAt: at(-1) });
    await insertAnswer(app.t, leftMembers, { createdAt: at(-2) });
    void [old, hidden, elsewhere];

    expect(await runFollowDigests(app.t.database.db, { now: base, origin, keys, batchSize: 2 })).toEqual({
      readers: 3,
      mailed: 2,
    });

    const [firstAmina, ...moreAmina] = await mailsTo(amina.email);
    const toAmina = firstAmina!;
    expect(moreAmina).toEqual([]);
    expect(toAmina.locale).toBe('fr');
    expect(toAmina.subject).toBe(
      'Passerelle : 2 nouvelles questions et 1 nouvelle réponse dans ce que vous suivez',
    );
    expect(toAmina.text).toContain('Bonjour Amina');
    expect(toAmina.text).toContain(
      `Où trouver un logement <script>alert(1)</script> ?\n${origin}/fr/questions/${sub}`,
    );
    expect(toAmina.text).toContain(`Alleen voor leden: huurwaarborg\n${origin}/fr/questions/${members}`);
    expect(toAmina.text).toContain(
      `Stage zoeken: tips? (1 nouvelle réponse)\n${origin}/fr/questions/${followed}#answers`,
    );
    for (const left of [
      'From before the follow',
      'Hidden by the moderators',
      'Amina asks about housing',
      'Food parcels',
    ])
      expect(toAmina.text).not.toContain(left);
    // The plain text is text; the HTML part escapes it.
    const [{ html }] = await sql(
      app.t,
      `select html from outbox where "to" = $1 and text like '%/follows/unsubscribe%'`,
      [amina.email],
    );
    expect(html).not.toContain('<script>');
    // Mail programs get the one-click way out (RFC 8058) in the headers.
    const [{ headers }] = await sql(
      app.t,
      `select headers from outbox where "to" = $1 and text like '%/follows/unsubscribe%'`,
      [amina.email],
    );
    expect(headers).toEqual({
      'List-Unsubscribe': expect.stringMatching(
        /^<https?:\/\/[^>]+\/follows\/unsubscribe\/one-click\?token=[^>]+>$/,
      ),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });

    const [firstBram, ...moreBram] = await mailsTo(bram.email);
    const toBram = firstBram!;
    expect(moreBram).toEqual([]);
    expect(toBram.locale).toBe('nl');
    expect(toBram.subject).toBe('Passerelle: 2 nieuwe vragen en geen nieuwe antwoorden in wat je volgt');
    expect(toBram.text).toContain(`${origin}/nl/questions/${sub}`);
    expect(toBram.text).toContain(`${origin}/nl/questions/${own}`);
    expect(toBram.text).not.toContain('Alleen voor leden');
    expect(toBram.text).not.toContain('Intern overleg');
    expect(await mailsTo(quiet.email)).toEqual([]);
    expect(await mailsTo('unconfirmed@example.org')).toEqual([]);

    // An hour later, nothing is new: nothing is sent.
    expect(await runFollowDigests(app.t.database.db, { now: at(1), origin, keys })).toEqual({
      readers: 3,
      mailed: 0,
    });

    // A new answer: one e-mail with only that answer.
    await insertAnswer(app.t, followed, { authorId: bram.id, createdAt: at(2) });
    expect(
      (await runFollowDigests(app.t.database.db, { now: at(3), origin, keys, batchSize: 1 })).mailed,
    ).toBe(1);
    const amina2 = await mailsTo(amina.email);
    expect(amina2).toHaveLength(2);
    expect(amina2[1]!.subject).toBe(
      'Passerelle : aucune nouvelle question et 1 nouvelle réponse dans ce que vous suivez',
    );
    expect(await mailsTo(bram.email)).toHaveLength(1);
    expect(await sql(app.t, 'select sent_up_to from follow_digests where user_id = $1', [amina.id])).toEqual([
      { sent_up_to: at(3) },
    ]);

    // Two runs at once: while one holds Amina's bookmark (here the test, as a run would), the other
    // waits for it, then reads the bookmark the first moved, and sends nothing again.
    await insertAnswer(app.t, followed, { authorId: bram.id, createdAt: at(4) });
    const other = await app.t.database.pool.connect();
    try {
      await other.query('begin');
      await other.query('select 1 from follow_digests where user_id = $1 for update', [amina.id]);
      let finished = false;
      const waiting = runFollowDigests(app.t.database.db, { now: at(5), origin, keys }).then((result) => {
        finished = true;
        return result;
      });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(finished).toBe(false);
      await other.query('update follow_digests set sent_up_to = $2 where user_id = $1', [
        amina.id,
        at(5).toISOString(),
      ]);
      await other.query('commit');
      expect((await waiting).mailed).toBe(0);
    } finally {
      other.release();
    }
    expect(await mailsTo(amina.email)).toHaveLength(2);

    const audit = await sql(
      app.t,
      `select details from audit_log where event = 'network.digests_sent' order by id`,
    );
    expect(audit.map((r) => r.details.mailed).reduce((a: number, b: number) => a + b, 0)).toBe(3);

    // The link at its end stops it, without logging in.
    const link = /https?:\/\/\S+\/follows\/unsubscribe\?token=\S+/.exec(amina2[1]!.text)![0];
    expect(link.startsWith(`${origin}/fr/follows/unsubscribe?token=${amina.id}.`)).toBe(true);
    const browser = new FormClient(app.t.app);
    expect((await browser.get(pathOf(link))).statusCode).toBe(200);
    expect((await browser.post(pathOf(link), {})).statusCode).toBe(303);
    expect(await sql(app.t, 'select 1 from follows where user_id = $1', [amina.id])).toEqual([]);
    await insertQuestion(app.t, { title: 'After unsubscribing', createdAt: at(6) });
    await runFollowDigests(app.t.database.db, { now: at(7), origin, keys });
    expect(await mailsTo(amina.email)).toHaveLength(2);
    expect((await mailsTo(bram.email)).at(-1)!.text).toContain('After unsubscribing');
  });
});
