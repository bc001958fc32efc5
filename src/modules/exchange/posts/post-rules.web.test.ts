// The rules around a post's life, through the real HTTP app: a post past its date is no longer open
// (before the morning job marks it expired too); a post is only for one's own organisations; a form
// without the version it was made from is refused; a member who left changes nothing; the board
// never links to a page past its last one.
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { type Member, memberOf, sql } from '../../../../test/helpers/members.ts';
import { expectRefused } from '../../../../test/helpers/refused.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { addDays, brusselsDay } from './dates.ts';

const app = useTestApp();
const inDays = (days: number) => addDays(brusselsDay(new Date()), days);
const count = async () => (await sql(app.t, 'select count(*)::int as n from exchange_posts'))[0].n as number;

async function organisations(n: number): Promise<string[]> {
  return (await sql(app.t, 'select id from organisations order by provenance_id limit $1', [n])).map(
    (r) => r.id as string,
  );
}

const form = (): Record<string, string | string[]> => ({
  direction: 'offer',
  kind: 'room_or_material',
  'title.fr': 'Salle de réunion le mardi soir',
  all_brussels: '1',
  until: inDays(30),
  informal: 'yes',
});

/** An open post of `org` written straight into the table, with this last day. */
async function postUntil(org: string, author: Member, until: string): Promise<string> {
  const [{ id }] = await sql(
    app.t,
    `insert into exchange_posts (organisation_id, author_id, direction, kind, title, all_brussels, until,
       search_terms) values ($1, $2, 'offer', 'room_or_material', '{"fr":"Salle le mardi soir"}', true, $3,
       ''::tsvector) returning id`,
    [org, author.id, until],
  );
  return id as string;
}

describe('the rules of a post', () => {
  it('a post past its date is expired for everyone before the job marks it so', async () => {
    const [org] = await organisations(1);
    const author = await memberOf(app.t, org!, ['editor'], { locale: 'fr' });
    const id = await postUntil(org!, author, inDays(-1));

    expect((await new FormClient(app.t.app).get(`/fr/exchange/${id}`)).statusCode).toBe(404);
    const own = await author.get(`/fr/exchange/${id}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Expirée');
    expect(own.body).not.toContain(`/fr/exchange/${id}/edit`);
    expect(own.body).not.toContain(`/fr/exchange/${id}/fulfil`);
    expect((await author.get(`/fr/exchange/${id}/edit`)).statusCode).toBe(409);
    const revived = await author.post(`/fr/exchange/${id}/edit`, { ...form(), version: '1' });
    expect(revived.statusCode).toBe(409);
    expect((await author.post(`/fr/exchange/${id}/fulfil`, {})).statusCode).toBe(409);
    const [row] = await sql(app.t, 'select status, version, until::text from exchange_posts where id = $1', [
      id,
    ]);
    expect(row).toEqual({ status: 'open', version: 1, until: inDays(-1) });
  });

  it('posts only for one’s own organisations', async () => {
    const [mine, theirs] = await organisations(2);
    const member = await memberOf(app.t, mine!, ['admin'], { locale: 'fr' });
    const before = await count();
    await member.get('/fr/exchange/new');
    for (const organisation of [theirs!, 'not-an-id', `${theirs!.toUpperCase()}`]) {
      const res = await member.post('/fr/exchange/new', { ...form(), organisation });
      expectRefused(res, 'Choisissez une de vos organisations.');
    }
    expect(await count()).toBe(before);
  });

  it('refuses a change without the version its form was made from, and a member who left', async () => {
    const [org] = await organisations(1);
    const author = await memberOf(app.t, org!, ['editor'], { locale: 'fr' });
    const id = await postUntil(org!, author, inDays(20));
    await author.get(`/fr/exchange/${id}/edit`);
    const blind = await author.post(`/fr/exchange/${id}/edit`, form());
    expectRefused(blind, 'Un collègue a modifié cette annonce');
    expect(blind.body).toContain('name="version" value="1"');

    await sql(app.t, 'delete from memberships where user_id = $1', [author.id]);
    const gone = await author.post(`/fr/exchange/${id}/edit`, { ...form(), version: '1' });
    expect(gone.statusCode).toBe(403);
    expect((await author.post(`/fr/exchange/${id}/close`, {})).statusCode).toBe(403);
    const [row] = await sql(app.t, 'select status, version from exchange_posts where id = $1', [id]);
    expect(row).toEqual({ status: 'open', version: 1 });
  });

  it('shows what members type as text, never as markup, in pages and in the form', async () => {
    const [org] = await organisations(1);
    const member = await memberOf(app.t, org!, ['editor'], { locale: 'fr' });
    await member.get('/fr/exchange/new');
    const res = await member.post('/fr/exchange/new', {
      ...form(),
      'title.fr': '"><script>alert(1)</script> salle',
      'body.fr': '</textarea><img src=x onerror=alert(2)>\n\n<a href="javascript:alert(3)">ici</a>',
    });
    const id = /\/exchange\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
    for (const path of [`/fr/exchange/${id}`, '/fr/exchange', `/fr/exchange/${id}/edit`]) {
      const page = (await member.get(path)).body;
      expect(page).toContain('alert(1)');
      expect(page).not.toMatch(/"><script>alert|<\/textarea><img|<a href="javascript:/);
      if (!path.endsWith('/edit')) expect(page).not.toContain('<script>alert');
    }
  });

  it('the board’s last page links to no page after it', async () => {
    const [org] = await organisations(1);
    await sql(
      app.t,
      `insert into exchange_posts (organisation_id, direction, kind, title, all_brussels, until, search_terms)
       select $1, 'offer', 'other', jsonb_build_object('en', 'Offer number ' || n), true, $2, ''::tsvector
       from generate_series(1, 1005) n`,
      [org, inDays(10)],
    );
    const visitor = new FormClient(app.t.app);
    expect((await visitor.get('/en/exchange?page=49')).body).toContain('rel="next"');
    const last = await visitor.get('/en/exchange?page=50');
    expect(last.statusCode).toBe(200);
    expect(last.body).not.toContain('rel="next"');
  });
});
