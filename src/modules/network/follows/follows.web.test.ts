// Following themes and questions through the real HTTP app, as a browser without JavaScript: the
// follows page and its forms, questions the reader may not read refused as "not found" with nothing
// stored, bad input refused with a translated message, and the digest's unsubscribe link.
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { memberOf, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { insertQuestion } from '../../../../test/helpers/network-posts.ts';
import { testConfig, useTestApp } from '../../../../test/helpers/test-app.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';

const app = useTestApp();
const keys = testConfig().encryptionKeys!;
const followsOf = async (userId: string) =>
  (
    await sql(
      app.t,
      `select coalesce(theme_code, question_id::text) as what from follows where user_id = $1 order by 1`,
      [userId],
    )
  ).map((r) => r.what as string);
const firstOrganisation = async () =>
  (await sql(app.t, 'select id from organisations order by provenance_id limit 1'))[0].id as string;

describe('the follows page', () => {
  it('sends a visitor to log in, and refuses a visitor’s follow', async () => {
    const visitor = new FormClient(app.t.app);
    const page = await visitor.get('/en/account/follows');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/en/login?next=%2Fen%2Faccount%2Ffollows');
    await visitor.get('/en/password/forgot');
    const question = await insertQuestion(app.t);
    expect((await visitor.post(`/en/questions/${question}/follow`, {})).statusCode).toBe(401);
    await visitor.get('/en/password/forgot');
    expect(
      (await visitor.post('/en/follows/themes', { theme: 'housing', action: 'follow' })).statusCode,
    ).toBe(401);
    expect(await sql(app.t, 'select 1 from follows where question_id = $1', [question])).toEqual([]);
  });

  it('follows ticked themes, shows them by name, and unfollows one', async () => {
    const reader = await signedInPerson(app.t, { locale: 'en' });
    const empty = await reader.get('/en/account/follows');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('You follow nothing, so no daily digest is sent.');
    const sent = await reader.post('/en/follows/themes', {
      theme: ['housing', 'food'],
      action: 'follow',
      next: '/en/account/follows?done=themes_followed',
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/en/account/follows?done=themes_followed');
    expect(await followsOf(reader.id)).toEqual(['food', 'housing']);
    const page = await reader.get(sent.headers.location as string);
    expect(page.body).toContain('You now follow these themes.');
    expect(page.body).toContain('Food aid and basic needs');
    expect(page.body).toContain(`a digest goes to ${reader.email}`);
    // The ticked themes are no longer offered to tick.
    expect(page.body).not.toContain('type="checkbox" name="theme" value="housing"');
    expect(page.body).toContain('type="checkbox" name="theme" value="health"');
    // Following again changes nothing; a sub-theme shows under its theme.
    await reader.post('/en/follows/themes', { theme: ['housing', 'housing.search'], action: 'follow' });
    expect(await followsOf(reader.id)).toEqual(['food', 'housing', 'housing.search']);
    expect((await reader.get('/en/account/follows')).body).toContain('Housing › Finding a home');

    await reader.post('/en/follows/themes', {
      theme: 'food',
      action: 'unfollow',
      next: '/en/account/follows',
    });
    expect(await followsOf(reader.id)).toEqual(['housing', 'housing.search']);
    const audit = await sql(
      app.t,
      `select event, details from audit_log where actor_id = $1 and event like 'network.%' order by id`,
      [reader.id],
    );
    expect(audit).toEqual([
      { event: 'network.themes_followed', details: { themes: ['housing', 'food'] } },
      { event: 'network.themes_followed', details: { themes: ['housing.search'] } },
      { event: 'network.themes_unfollowed', details: { themes: ['food'] } },
    ]);
  });

  it('refuses unknown themes and actions with a translated message, nothing stored', async () => {
    const reader = await signedInPerson(app.t, { locale: 'fr' });
    await reader.get('/fr/account/follows');
    const refused: Record<string, string | string[]>[] = [
      { theme: ['housing', '<script>alert(1)</script>'], action: 'follow' },
      { theme: 'housing', action: 'delete-all' },
      { action: 'follow' },
    ];
    for (const fields of refused) {
      const res = await reader.post('/fr/follows/themes', fields);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Cochez au moins un thème de la liste.');
      expect(res.body).not.toContain('<script>alert(1)</script>');
    }
    expect(await followsOf(reader.id)).toEqual([]);
  });
});

describe('following a question', () => {
  it('follows one the reader may read and goes back to a page of this site only', async () => {
    const reader = await signedInPerson(app.t, { locale: 'nl' });
    const question = await insertQuestion(app.t, { title: 'Waar vind ik <b>hulp</b> bij huur?' });
    await reader.get('/nl/account/follows');
    const res = await reader.post(`/nl/questions/${question}/follow`, { next: '/nl/agenda?x=1' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/nl/agenda?x=1');
    // Twice is once.
    const again = await reader.post(`/nl/questions/${question.toUpperCase()}/follow`, {
      next: '//evil.example/',
    });
    expect(again.headers.location).toBe(`/nl/questions/${question}`);
    expect(await followsOf(reader.id)).toEqual([question]);

    const page = await reader.get('/nl/account/follows');
    expect(page.body).toContain(`href="/nl/questions/${question}"`);
    expect(page.body).toContain('Waar vind ik &lt;b>hulp&lt;/b> bij huur?');
    expect(page.body).not.toContain('<b>hulp</b></a>');
    expect(page.body).toContain('nog geen antwoord');

    const off = await reader.post(`/nl/questions/${question}/unfollow`, {
      next: '/nl/account/follows?done=question_unfollowed',
    });
    expect(off.headers.location).toBe('/nl/account/follows?done=question_unfollowed');
    expect(await followsOf(reader.id)).toEqual([]);
    expect((await reader.get(off.headers.location as string)).body).toContain(
      'Je volgt deze vraag niet meer.',
    );
    const audit = await sql(
      app.t,
      `select event from audit_log where actor_id = $1 and subject_id = $2 order by id`,
      [reader.id, question],
    );
    expect(audit.map((r) => r.event)).toEqual(['network.question_followed', 'network.question_unfollowed']);
  });

  it('does not follow a hidden question, or a members-only one for someone of no organisation', async () => {
    const outsider = await signedInPerson(app.t, { locale: 'en' });
    const member = await memberOf(app.t, await firstOrganisation(), ['referrer']);
    const hidden = await insertQuestion(app.t, { hidden: true });
    const membersOnly = await insertQuestion(app.t, { visibility: 'members' });
    await outsider.get('/en/account/follows');
    for (const id of [hidden, membersOnly, '00000000-0000-0000-0000-000000000000', 'not-an-id']) {
      const res = await outsider.post(`/en/questions/${id}/follow`, {});
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('This question does not exist, or you cannot see it.');
    }
    expect(await followsOf(outsider.id)).toEqual([]);
    await member.get('/en/account/follows');
    expect((await member.post(`/en/questions/${hidden}/follow`, {})).statusCode).toBe(404);
    expect((await member.post(`/en/questions/${membersOnly}/follow`, {})).statusCode).toBe(303);
    expect(await followsOf(member.id)).toEqual([membersOnly]);

    // Hidden since: no title any more, but it can be let go of.
    await sql(app.t, 'update questions set hidden_at = now() where id = $1', [membersOnly]);
    const page = await member.get('/en/account/follows');
    expect(page.body).toContain('A question that is no longer shown');
    expect((await member.post(`/en/questions/${membersOnly}/unfollow`, {})).statusCode).toBe(303);
    expect(await followsOf(member.id)).toEqual([]);
  });
});

describe('the digest’s unsubscribe link', () => {
  it('asks first, then removes every follow without logging in; a wrong link changes nothing', async () => {
    const reader = await signedInPerson(app.t, { locale: 'fr' });
    const question = await insertQuestion(app.t);
    await reader.get('/fr/account/follows');
    await reader.post('/fr/follows/themes', { theme: ['work', 'legal'], action: 'follow' });
    await reader.post(`/fr/questions/${question}/follow`, {});
    const before = await followsOf(reader.id);
    expect(before).toHaveLength(3);

    // Someone else's browser, not logged in: a mail scanner, or the reader on their phone.
    const phone = new FormClient(app.t.app);
    const token = unsubscribeToken(keys, reader.id);
    const forged = `${reader.id}.${'A'.repeat(32)}`;
    for (const bad of [forged, 'nonsense', '', `${token}x`]) {
      const res = await phone.get(`/fr/follows/unsubscribe?token=${encodeURIComponent(bad)}`);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Ce lien de désinscription n’est pas correct');
    }
    const confirm = await phone.get(`/fr/follows/unsubscribe?token=${token}`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Arrêter le résumé quotidien');
    expect(await followsOf(reader.id)).toEqual(before);
    // A forged token posted changes nothing either.
    await phone.get(`/fr/follows/unsubscribe?token=${token}`);
    expect((await phone.post(`/fr/follows/unsubscribe?token=${forged}`, {})).statusCode).toBe(400);
    expect(await followsOf(reader.id)).toEqual(before);

    await phone.get(`/fr/follows/unsubscribe?token=${token}`);
    const done = await phone.post(`/fr/follows/unsubscribe?token=${token}`, {});
    expect(done.statusCode).toBe(303);
    expect(await followsOf(reader.id)).toEqual([]);
    expect((await phone.get(done.headers.location as string)).body).toContain(
      'C’est fait : vous ne suivez plus rien',
    );
    const [entry] = await sql(
      app.t,
      `select actor_id, subject_id, details from audit_log where event = 'network.follows_unsubscribed' and subject_id = $1`,
      [reader.id],
    );
    expect(entry).toEqual({ actor_id: null, subject_id: reader.id, details: { removed: 3 } });
    // Used again, it still works and removes nothing more.
    await phone.get(`/fr/follows/unsubscribe?token=${token}`);
    expect((await phone.post(`/fr/follows/unsubscribe?token=${token}`, {})).statusCode).toBe(303);
  });
});

describe('the digest’s one-click unsubscribe (RFC 8058)', () => {
  it('stops the digest when a mail program posts List-Unsubscribe=One-Click, with no cookie or form token; anything else changes nothing', async () => {
    const reader = await signedInPerson(app.t, { locale: 'nl' });
    await reader.get('/nl/account/follows');
    await reader.post('/nl/follows/themes', { theme: ['housing'], action: 'follow' });
    expect(await followsOf(reader.id)).toHaveLength(1);
    const token = unsubscribeToken(keys, reader.id);
    const post = (url: string, payload: string) =>
      app.t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'nl' },
        payload,
      });
    const url = `/follows/unsubscribe/one-click?token=${token}`;
    // A forged token, a missing one, or a post without the RFC's body: refused, nothing removed.
    const forged = await post(
      `/follows/unsubscribe/one-click?token=${reader.id}.${'A'.repeat(32)}`,
      'List-Unsubscribe=One-Click',
    );
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('Deze afmeldlink klopt niet');
    expect((await post('/follows/unsubscribe/one-click', 'List-Unsubscribe=One-Click')).statusCode).toBe(400);
    expect((await post(url, 'List-Unsubscribe=Maybe')).statusCode).toBe(400);
    expect((await post(url, '')).statusCode).toBe(400);
    expect(await followsOf(reader.id)).toHaveLength(1);

    // Opened as a link (a mail program without one-click, a person): the page that asks; nothing removed.
    const opened = await app.t.app.inject({ url, headers: { 'accept-language': 'nl' } });
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(`/nl/follows/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(await followsOf(reader.id)).toHaveLength(1);

    const done = await post(url, 'List-Unsubscribe=One-Click');
    expect(done.statusCode).toBe(200);
    expect(done.headers['set-cookie']).toBeUndefined();
    expect(done.body).toBe('Klaar: je volgt niets meer en krijgt geen overzicht meer.');
    expect(await followsOf(reader.id)).toEqual([]);
    expect(
      await sql(
        app.t,
        `select 1 from audit_log where event = 'network.follows_unsubscribed' and subject_id = $1`,
        [reader.id],
      ),
    ).toHaveLength(1);
  });
});
