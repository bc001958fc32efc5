// Offers and requests through the real HTTP app, as browsers without JavaScript: a member posts a
// request for interpreters in Tigrinya, another organisation offers Tigrinya, and each sees the
// other among its matches; the board's filters and search; bad input refused in words with nothing
// stored; a stale form refused; a stranger cannot change a post; fulfilled and closed posts leave
// the board; a moderator closes any.
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { type Member, memberOf, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { expectRefused } from '../../../../test/helpers/refused.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { addDays, brusselsDay } from './dates.ts';

const app = useTestApp();
const count = async () => (await sql(app.t, 'select count(*)::int as n from exchange_posts'))[0].n as number;
const inDays = (days: number) => addDays(brusselsDay(new Date()), days);

async function organisations(n: number): Promise<string[]> {
  return (await sql(app.t, 'select id from organisations order by provenance_id limit $1', [n])).map(
    (r) => r.id as string,
  );
}

const request = (): Record<string, string | string[]> => ({
  direction: 'request',
  kind: 'interpreting',
  'title.fr': 'Cherchons interprète en tigrinya pour des réunions de parents',
  'body.fr': 'Deux fois par mois, le soir, à Schaerbeek.',
  languages: ['ti'],
  themes: ['social-support.interpreting'],
  communes: ['21015'],
  until: inDays(30),
  informal: 'yes',
});

const offer = (languages: string[]): Record<string, string | string[]> => ({
  direction: 'offer',
  kind: 'interpreting',
  'title.nl': 'Vrijwillige tolken beschikbaar',
  'body.nl': 'Onze groep telt zes tolken.',
  languages,
  themes: ['social-support.interpreting'],
  all_brussels: '1',
  until: inDays(60),
  informal: 'yes',
});

async function post(member: Member, locale: string, form: Record<string, string | string[]>) {
  await member.get(`/${locale}/exchange/new`);
  const res = await member.post(`/${locale}/exchange/new`, form);
  expect(res.statusCode, res.body.slice(0, 3000)).toBe(303);
  return /\/exchange\/([0-9a-f-]{36})\?done=posted/.exec(res.headers.location as string)![1]!;
}

describe('offers and requests', () => {
  it('a request and an offer in different languages match both ways, and the board finds them', async () => {
    const [orgA, orgB] = await organisations(2);
    const asker = await memberOf(app.t, orgA!, ['referrer'], { locale: 'fr' });
    const helper = await memberOf(app.t, orgB!, ['editor'], { locale: 'nl' });
    const requestId = await post(asker, 'fr', request());
    const offerId = await post(helper, 'nl', offer(['am', 'ti']));
    // Arabic only: not a match for Tigrinya. The asker's own organisation's offer: not a match either.
    const arabic = await post(helper, 'nl', { ...offer(['ar']), 'title.nl': 'Tolken Arabisch beschikbaar' });
    const own = await post(asker, 'fr', {
      ...offer(['ti']),
      'title.nl': '',
      'body.nl': '',
      'title.fr': 'Nous aussi parlons tigrinya',
    });

    const visitor = new FormClient(app.t.app);
    const page = await visitor.get(`/fr/exchange/${requestId}?done=posted`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Cherchons interprète en tigrinya');
    expect(page.body).toContain('Votre annonce est sur le tableau.');
    expect(page.body).toContain(`/fr/organisations/${orgA}`);
    expect(page.body).toContain('Offres qui correspondent');
    expect(page.body).toContain(`/fr/exchange/${offerId}`);
    expect(page.body).toContain('Mêmes langues : tigrigna');
    expect(page.body).not.toContain(`/fr/exchange/${arabic}`);
    expect(page.body).not.toContain(`/fr/exchange/${own}`);
    // No e-mail address of the author anywhere.
    expect(page.body).not.toContain(asker.email);

    const offerPage = await visitor.get(`/en/exchange/${offerId}`);
    expect(offerPage.body).toContain('Requests that match');
    expect(offerPage.body).toContain(`/en/exchange/${requestId}`);
    expect((await visitor.get(`/en/exchange/${arabic}`)).body).not.toContain(`/en/exchange/${requestId}`);

    // The board: newest first, and its filters.
    const board = await visitor.get('/fr/exchange');
    expect(board.statusCode).toBe(200);
    expect(board.body.indexOf(`/fr/exchange/${own}`)).toBeLessThan(
      board.body.indexOf(`/fr/exchange/${requestId}`),
    );
    const requests = (await visitor.get('/fr/exchange?direction=request')).body;
    expect(requests).toContain(`/fr/exchange/${requestId}`);
    expect(requests).not.toContain(`/fr/exchange/${offerId}`);
    const tigrinya = (await visitor.get('/fr/exchange?language=ti&kind=interpreting')).body;
    expect(tigrinya).toContain(`/fr/exchange/${offerId}`);
    expect(tigrinya).not.toContain(`/fr/exchange/${arabic}`);
    // A post for all Brussels is for every commune; a post for Schaerbeek is not for Ixelles.
    const ixelles = (await visitor.get('/fr/exchange?commune=21009')).body;
    expect(ixelles).toContain(`/fr/exchange/${offerId}`);
    expect(ixelles).not.toContain(`/fr/exchange/${requestId}`);
    expect((await visitor.get('/fr/exchange?commune=21015')).body).toContain(`/fr/exchange/${requestId}`);
    const theme = (await visitor.get('/fr/exchange?theme=social-support')).body;
    expect(theme).toContain(`/fr/exchange/${requestId}`);
    expect((await visitor.get('/fr/exchange?theme=housing')).body).not.toContain(`/fr/exchange/${requestId}`);
    // Search: a French word in another form finds the French request and, through the glossary's
    // concepts, the Dutch offer of "tolken"; a word none of them says finds none.
    const found = (await visitor.get(`/fr/exchange?q=${encodeURIComponent('interprètes')}`)).body;
    expect(found).toContain(`/fr/exchange/${requestId}`);
    expect(found).toContain(`/fr/exchange/${offerId}`);
    expect((await visitor.get('/fr/exchange?q=piscine')).body).not.toContain(`/fr/exchange/${requestId}`);
    expect((await visitor.get('/nl/exchange?q=tolken')).body).toContain(`/nl/exchange/${offerId}`);
    // Unknown filters are ignored rather than refused.
    expect((await visitor.get('/fr/exchange?kind=money&language=xx')).statusCode).toBe(200);
  });

  it('refuses bad input in words and stores nothing', async () => {
    const [orgA] = await organisations(1);
    const member = await memberOf(app.t, orgA!, ['admin'], { locale: 'fr' });
    const before = await count();
    await member.get('/fr/exchange/new');
    const empty = await member.post('/fr/exchange/new', {
      ...request(),
      'title.fr': '',
      'body.fr': '',
    });
    expectRefused(empty, 'Donnez un titre dans au moins une langue.');
    const past = await member.post('/fr/exchange/new', { ...request(), until: inDays(-1) });
    expectRefused(past, 'Cette date est déjà passée.');
    const far = await member.post('/fr/exchange/new', { ...request(), until: inDays(200) });
    expectRefused(far, 'Six mois à l’avance au plus');
    const unknown = await member.post('/fr/exchange/new', {
      ...request(),
      kind: 'money',
      themes: ['nope'],
      communes: ['99999'],
      languages: ['xx'],
    });
    expectRefused(
      unknown,
      'Choisissez un type',
      'Choisissez au plus cinq thèmes dans la liste.',
      'Choisissez des communes dans la liste.',
      'Choisissez des langues dans la liste, dix au plus.',
    );
    // What was typed stays in the refused form.
    expect(unknown.body).toContain('Cherchons interprète en tigrinya');
    expect(await count()).toBe(before);

    // A person of no organisation cannot post.
    const loner = await signedInPerson(app.t, { locale: 'fr' });
    expect((await loner.get('/fr/exchange/new')).body).toContain('Seuls les membres d’une organisation');
    const refused = await loner.post('/fr/exchange/new', request());
    expect(refused.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('its organisation changes it (a stale form refused), a stranger cannot; fulfilled, it leaves the board', async () => {
    const [orgA, orgB] = await organisations(2);
    const author = await memberOf(app.t, orgA!, ['editor'], { locale: 'fr' });
    const colleague = await memberOf(app.t, orgA!, ['admin'], { locale: 'fr' });
    const stranger = await memberOf(app.t, orgB!, ['admin'], { locale: 'fr' });
    const id = await post(author, 'fr', request());

    // Two forms made from the same version: the second one saved is refused, what it says is kept.
    const form = await author.get(`/fr/exchange/${id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="version" value="1"');
    await colleague.get(`/fr/exchange/${id}/edit`);
    const first = await colleague.post(`/fr/exchange/${id}/edit`, {
      ...request(),
      'title.fr': 'Cherchons interprète en tigrinya et amharique',
      languages: ['ti', 'am'],
      version: '1',
    });
    expect(first.statusCode).toBe(303);
    const stale = await author.post(`/fr/exchange/${id}/edit`, {
      ...request(),
      'title.fr': 'Un autre titre pour cette demande',
      version: '1',
    });
    expectRefused(stale, 'Un collègue a modifié cette annonce', 'Un autre titre pour cette demande');
    expect(stale.body).toContain('name="version" value="2"');
    const [row] = await sql(app.t, 'select title, languages, version from exchange_posts where id = $1', [
      id,
    ]);
    expect(row).toEqual({
      title: { fr: 'Cherchons interprète en tigrinya et amharique' },
      languages: ['ti', 'am'],
      version: 2,
    });

    // A stranger: neither the form nor the change; a visitor is sent to log in.
    expect((await stranger.get(`/fr/exchange/${id}/edit`)).statusCode).toBe(403);
    await stranger.get('/fr/exchange');
    const changed = await stranger.post(`/fr/exchange/${id}/edit`, { ...request(), version: '2' });
    expect(changed.statusCode).toBe(403);
    expect((await stranger.post(`/fr/exchange/${id}/fulfil`, {})).statusCode).toBe(403);
    expect((await stranger.post(`/fr/exchange/${id}/close`, {})).statusCode).toBe(403);
    expect((await new FormClient(app.t.app).get(`/fr/exchange/${id}/edit`)).headers.location).toMatch(
      /\/login/,
    );
    const [same] = await sql(app.t, 'select version, status from exchange_posts where id = $1', [id]);
    expect(same).toEqual({ version: 2, status: 'open' });

    // Fulfilled: off the board, gone for others, still there for its organisation.
    await author.get(`/fr/exchange/${id}`);
    const fulfilled = await author.post(`/fr/exchange/${id}/fulfil`, {});
    expect(fulfilled.headers.location).toBe(`/fr/exchange/${id}?done=fulfilled`);
    const [done] = await sql(app.t, 'select status, fulfilled_at from exchange_posts where id = $1', [id]);
    expect(done.status).toBe('fulfilled');
    expect(done.fulfilled_at).not.toBeNull();
    expect((await stranger.get('/fr/exchange')).body).not.toContain(`/fr/exchange/${id}`);
    expect((await stranger.get(`/fr/exchange/${id}`)).statusCode).toBe(404);
    const own = await author.get(`/fr/exchange/${id}`);
    expect(own.body).toContain('Satisfaite : cette annonce n’est plus sur le tableau.');
    expect(own.body).not.toContain(`/fr/exchange/${id}/edit`);
    // Not open any more: nothing more to change.
    expect((await author.post(`/fr/exchange/${id}/close`, {})).statusCode).toBe(409);
    const audit = await sql(app.t, `select event from audit_log where subject_id = $1 order by id`, [id]);
    expect(audit.map((a) => a.event)).toEqual([
      'exchange.post_created',
      'exchange.post_edited',
      'exchange.post_fulfilled',
    ]);
  });

  it('a moderator closes any open post; its organisation closes its own', async () => {
    const [orgA] = await organisations(1);
    const author = await memberOf(app.t, orgA!, ['referrer'], { locale: 'en' });
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const first = await post(author, 'en', request());
    const second = await post(author, 'en', request());
    await moderator.get(`/en/exchange/${first}`);
    expect((await moderator.post(`/en/exchange/${first}/close`, {})).statusCode).toBe(303);
    // A moderator does not change or fulfil others' posts.
    expect((await moderator.post(`/en/exchange/${second}/fulfil`, {})).statusCode).toBe(403);
    await author.get(`/en/exchange/${second}`);
    expect((await author.post(`/en/exchange/${second}/close`, {})).statusCode).toBe(303);
    const rows = await sql(
      app.t,
      'select id, status, closed_by from exchange_posts where id = any($1) order by id',
      [[first, second]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.status, r.closed_by]]))).toEqual({
      [first]: ['closed', moderator.id],
      [second]: ['closed', author.id],
    });
    expect((await new FormClient(app.t.app).get(`/en/exchange/${first}`)).statusCode).toBe(404);
  });
});
