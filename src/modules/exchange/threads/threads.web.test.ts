// Threads about posts through the real HTTP app, as browsers without JavaScript: an informal group
// asks in French, a registered organisation answers in Dutch, both read and write in the one thread
// (nobody else finds it), the poster is told by mail without anyone's address shown, and the post
// marked fulfilled counts on the organisation's page. Refused with nothing stored: one's own post,
// an empty message, an informal group on a post for registered organisations only, the 51st
// message in a minute, a new thread on a post no longer open.
import { describe, expect, it } from 'vitest';
import { FormClient, lastMailTo } from '../../../../test/helpers/form-client.ts';
import { type Member, memberOf, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { expectRefused } from '../../../../test/helpers/refused.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { threadLimits } from '../exchange.vocabulary.ts';
import { addDays, brusselsDay } from '../posts/dates.ts';

const app = useTestApp();
const inDays = (days: number) => addDays(brusselsDay(new Date()), days);
const messages = async () =>
  (await sql(app.t, 'select count(*)::int as n from exchange_messages'))[0].n as number;
const threads = async () =>
  (await sql(app.t, 'select count(*)::int as n from exchange_threads'))[0].n as number;

/** The mails about the test's request to an address (not the welcome mail). */
const exchangeMails = async (to: string) =>
  (
    await sql(
      app.t,
      `select count(*)::int as n from outbox where "to" = $1 and subject like '%Cherchons une salle%'`,
      [to],
    )
  )[0].n as number;

/** Organisations of no one yet, of these kinds. */
async function organisations(...kinds: string[]): Promise<string[]> {
  const rows = await sql(
    app.t,
    `select id from organisations o where not exists (select 1 from memberships m where m.organisation_id = o.id)
     order by provenance_id limit $1`,
    [kinds.length],
  );
  for (const [i, kind] of kinds.entries())
    await sql(app.t, 'update organisations set kind = $2 where id = $1', [rows[i]!.id, kind]);
  return rows.map((r) => r.id as string);
}

async function postRequest(member: Member, informal = 'yes'): Promise<string> {
  await member.get('/fr/exchange/new');
  const res = await member.post('/fr/exchange/new', {
    direction: 'request',
    kind: 'room_or_material',
    'title.fr': 'Cherchons une salle pour des cours de français',
    'body.fr': 'Le mercredi après-midi, pour douze personnes.',
    communes: ['21015'],
    until: inDays(30),
    informal,
  });
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
  return /\/exchange\/([0-9a-f-]{36})\?done=posted/.exec(res.headers.location as string)![1]!;
}

async function answer(member: Member, locale: string, postId: string, message: string) {
  await member.get(`/${locale}/exchange/${postId}`);
  return member.post(`/${locale}/exchange/${postId}/answer`, { message });
}

const threadOf = (res: { headers: Record<string, unknown> }) =>
  /\/exchange\/threads\/([0-9a-f-]{36})\?done=sent/.exec(String(res.headers.location))![1]!;

describe('threads about posts', () => {
  it('an informal group’s French request, answered in Dutch: one thread both sides see, and no one else', async () => {
    const [group, formal, third] = await organisations('self_organisation', 'formal', 'formal');
    const asker = await memberOf(app.t, group!, ['admin'], { locale: 'fr', name: 'Awa' });
    const colleague = await memberOf(app.t, group!, ['editor'], { locale: 'fr' });
    const helper = await memberOf(app.t, formal!, ['referrer'], { locale: 'nl', name: 'Pieter' });
    const stranger = await memberOf(app.t, third!, ['admin'], { locale: 'en' });
    const postId = await postRequest(asker);

    // The helper sees "I can help" on the request, in Dutch.
    const page = await helper.get(`/nl/exchange/${postId}`);
    expect(page.body).toContain('Ik kan helpen');
    expect(page.body).toContain(`action="/nl/exchange/${postId}/answer"`);
    const sent = await helper.post(`/nl/exchange/${postId}/answer`, {
      message: 'Goedemiddag, wij hebben een zaal vrij op woensdag.',
    });
    expect(sent.statusCode, sent.body.slice(0, 2000)).toBe(303);
    const threadId = threadOf(sent);

    // The poster's members are told, in French, without the helper's address.
    for (const member of [asker, colleague]) {
      const mail = await lastMailTo(app.t.database, member.email);
      expect(mail?.subject).toContain('répond à « Cherchons une salle pour des cours de français »');
      expect(mail?.link).toContain(`/fr/exchange/threads/${threadId}`);
      expect(mail?.text).not.toContain(helper.email);
      expect(mail?.text).not.toContain('zaal vrij');
    }
    expect(await exchangeMails(helper.email)).toBe(0);

    // The asker reads it in the French interface, and answers; no address anywhere.
    const list = await asker.get('/fr/exchange/mine');
    expect(list.body).toContain('Cherchons une salle pour des cours de français');
    expect(list.body).toContain('1 message non lu');
    const thread = await asker.get(`/fr/exchange/threads/${threadId}`);
    expect(thread.statusCode).toBe(200);
    expect(thread.body).toContain('Goedemiddag, wij hebben een zaal vrij op woensdag.');
    expect(thread.body).toContain('Pieter');
    expect(thread.body).toContain('Conversation avec');
    expect(thread.body).not.toContain(helper.email);
    expect((await asker.get('/fr/exchange/mine')).body).not.toContain('message non lu');
    const reply = await asker.post(`/fr/exchange/threads/${threadId}`, {
      message: 'Merci ! Mercredi à 14 h, cela nous convient.',
    });
    expect(reply.statusCode).toBe(303);
    const toHelper = await lastMailTo(app.t.database, helper.email);
    expect(toHelper?.subject).toMatch(/^Nieuw bericht van .* over “Cherchons une salle/);
    expect(toHelper?.text).not.toContain(asker.email);

    // The helper's view, in Dutch; answering from the post's page again goes into the same thread.
    const helperView = await helper.get(`/nl/exchange/threads/${threadId}`);
    expect(helperView.body).toContain('Merci ! Mercredi à 14 h, cela nous convient.');
    expect(helperView.body).toContain('Awa');
    expect(helperView.body).not.toContain(asker.email);
    const again = await answer(helper, 'nl', postId, 'Tot woensdag!');
    expect(threadOf(again)).toBe(threadId);
    expect(await threads()).toBe(1);

    // A stranger, a visitor and a moderator find nothing.
    expect((await stranger.get(`/en/exchange/threads/${threadId}`)).statusCode).toBe(404);
    await stranger.get('/en/exchange');
    const strangerPost = await stranger.post(`/en/exchange/threads/${threadId}`, { message: 'Hello?' });
    expect(strangerPost.statusCode).toBe(404);
    expect(strangerPost.body).toContain('This conversation does not exist, or you do not take part in it.');
    expect(strangerPost.body).not.toContain('Goedemiddag');
    const visitor = new FormClient(app.t.app);
    expect((await visitor.get(`/en/exchange/threads/${threadId}`)).statusCode).toBe(303);
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    expect((await moderator.get(`/en/exchange/threads/${threadId}`)).statusCode).toBe(404);
    expect(await messages()).toBe(3);

    // Fulfilled: the figure shows on the group's page; the thread goes on; no new thread starts.
    await asker.get(`/fr/exchange/${postId}`);
    expect((await asker.post(`/fr/exchange/${postId}/fulfil`, {})).statusCode).toBe(303);
    const orgPage = await visitor.get(`/en/organisations/${group}`);
    expect(orgPage.body).toContain('1 request fulfilled via the exchange');
    expect((await visitor.get(`/nl/organisations/${formal}`)).body).not.toContain('via de uitwisseling');
    await helper.get(`/nl/exchange/threads/${threadId}`);
    expect(
      (await helper.post(`/nl/exchange/threads/${threadId}`, { message: 'Graag gedaan.' })).statusCode,
    ).toBe(303);
    const late = await answer(stranger, 'en', postId, 'Can we help too?');
    expect(late.statusCode).toBe(404);
    expect(await threads()).toBe(1);
    expect(await messages()).toBe(4);
  });

  it('refuses one’s own post, an empty message and an informal group where not allowed, storing nothing', async () => {
    const [formal, group] = await organisations('formal', 'citizen_initiative');
    const poster = await memberOf(app.t, formal!, ['editor'], { locale: 'en' });
    const informal = await memberOf(app.t, group!, ['admin'], { locale: 'fr' });
    const postId = await postRequest(poster, 'no');
    const before = await messages();

    const own = await answer(poster, 'en', postId, 'We can help ourselves.');
    expect(own.statusCode).toBe(403);
    expect(own.body).toContain('This post is your own organisation’s: you cannot answer it.');

    const page = await informal.get(`/fr/exchange/${postId}`);
    expect(page.body).toContain('les groupes informels ne peuvent pas y répondre');
    expect(page.body).not.toContain(`/fr/exchange/${postId}/answer`);
    const refused = await informal.post(`/fr/exchange/${postId}/answer`, { message: 'Nous pouvons aider.' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Cette annonce s’adresse aux seules organisations enregistrées');

    // Allowed once the post says so; an empty message is still refused, in words.
    await sql(app.t, 'update exchange_posts set informal_may_answer = true where id = $1', [postId]);
    const empty = await answer(informal, 'fr', postId, '   \n ');
    expectRefused(empty, 'Écrivez un message.');
    const tooLong = await answer(informal, 'fr', postId, 'a'.repeat(threadLimits.message + 1));
    expectRefused(tooLong, '4 000 caractères au maximum.');
    expect(await messages()).toBe(before);
    expect(await sql(app.t, 'select 1 from exchange_threads where post_id = $1', [postId])).toEqual([]);
    expect((await answer(informal, 'fr', postId, 'Nous pouvons aider.')).statusCode).toBe(303);
  });

  it('takes 50 messages a minute from one account, refuses the 51st in words, and stores nothing of it', async () => {
    const [a, b] = await organisations('formal', 'formal');
    const poster = await memberOf(app.t, a!, ['admin'], { locale: 'en' });
    const writer = await memberOf(app.t, b!, ['admin'], { locale: 'en' });
    const postId = await postRequest(poster);
    const first = await answer(writer, 'en', postId, 'Message 1');
    const threadId = threadOf(first);
    await writer.get(`/en/exchange/threads/${threadId}`);
    for (let i = 2; i <= threadLimits.perMinute; i++) {
      const res = await writer.post(`/en/exchange/threads/${threadId}`, { message: `Message ${i}` });
      expect(res.statusCode).toBe(303);
    }
    const over = await writer.post(`/en/exchange/threads/${threadId}`, { message: 'Message 51' });
    expect(over.statusCode).toBe(429);
    expect(over.body).toContain('Too many attempts.');
    expect(over.body).toContain('Message 51');
    expect(over.headers['retry-after']).toBeDefined();
    // From the post's page too: the same limit, across every way of writing.
    expect((await answer(writer, 'en', postId, 'Message 52')).statusCode).toBe(429);
    const stored = await sql(app.t, 'select count(*)::int as n from exchange_messages where thread_id = $1', [
      threadId,
    ]);
    expect(stored[0].n).toBe(threadLimits.perMinute);
    // The other side is not limited by the writer's count; it was mailed once for the unread stretch.
    expect(await exchangeMails(poster.email)).toBe(1);
    await poster.get(`/en/exchange/threads/${threadId}`);
    expect((await poster.post(`/en/exchange/threads/${threadId}`, { message: 'Received!' })).statusCode).toBe(
      303,
    );
  });
});
