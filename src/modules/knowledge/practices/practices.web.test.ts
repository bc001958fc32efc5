// Good practices through the real HTTP app, as browsers without JavaScript: a member writes a draft
// in Dutch and French that only their organisation sees, publishes it, and a visitor finds it in
// the library by a French word, by its filters, and reads it with its lists, organisations and
// their services; a moderator features and unpublishes it; bad input is refused in words with
// nothing stored.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { type Member, memberOf, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { expectRefused } from '../../../../test/helpers/refused.ts';
import { insertAnswer, insertQuestion } from '../../../../test/helpers/network-posts.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();
const count = async (table: string) =>
  (await sql(app.t, `select count(*)::int as n from ${table}`))[0].n as number;

async function world() {
  const [a, b] = await sql(
    app.t,
    `select o.id from organisations o where exists (select 1 from services s where s.organisation_id = o.id and s.status = 'active')
     order by provenance_id limit 2`,
  );
  const items = Object.fromEntries(
    (await sql(app.t, 'select code, id from worksheet_items where code is not null')).map((r) => [
      r.code,
      r.id,
    ]),
  ) as Record<string, string>;
  return { orgA: a.id as string, orgB: b.id as string, items };
}

const practiceForm = (orgB: string, items: Record<string, string>) => ({
  'title.nl': 'Tolken delen tussen een CAW en een zelforganisatie',
  'title.fr': 'Partager des interprètes entre un CAW et une auto-organisation',
  'summary.nl': 'Twee organisaties delen een pool van tolken en een ruimte.',
  'summary.fr': 'Deux organisations partagent un pool d’interprètes et un local.',
  'story.fr': 'Tout a commencé par une journée de réseau. <script>alert(1)</script>',
  obstacles: [items.language_barrier!, items.no_room!],
  new_obstacles: 'Wachtlijsten bij de tolkendienst',
  levers: [items.interpreters!],
  tools: [items.network_day!],
  themes: ['income'],
  communes: ['21004', '21015'],
  organisations: `https://passerelle.test/nl/organisations/${orgB}`,
  contact_name: 'Amina El Idrissi',
  contact_way: 'amina@example.org',
  links: 'https://example.org/verslag',
});

async function write(member: Member, form: Record<string, string | string[]>) {
  await member.get('/nl/practices/new');
  const res = await member.post('/nl/practices/new', form);
  expect(res.statusCode, res.body.slice(0, 3000)).toBe(303);
  return /\/practices\/([a-z0-9-]+)\?done=created/.exec(res.headers.location as string)![1]!;
}

describe('good practices', () => {
  it('a draft in two languages, private to its organisation, published and found by a French word', async () => {
    const { orgA, orgB, items } = await world();
    const author = await memberOf(app.t, orgA, ['referrer'], { locale: 'nl' });
    const slug = await write(author, practiceForm(orgB, items));
    const visitor = new FormClient(app.t.app);
    const outsider = await memberOf(app.t, orgB, ['admin'], { locale: 'fr' });

    // A draft: its organisation's members see it, nobody else.
    const draft = await author.get(`/nl/practices/${slug}?done=created`);
    expect(draft.statusCode).toBe(200);
    expect(draft.body).toContain('Tolken delen tussen een CAW');
    expect(draft.body).toContain('Dit is een ontwerp');
    // Written by a member: not labelled as demo, though its organisation is a demo one.
    expect(draft.body).not.toContain('class="demo-label"');
    expect((await visitor.get(`/fr/practices/${slug}`)).statusCode).toBe(404);
    expect((await outsider.get(`/fr/practices/${slug}`)).statusCode).toBe(404);
    expect((await visitor.get(`/fr/practices?q=interpr%C3%A8tes`)).body).not.toContain(slug);
    expect((await author.get('/nl/practices/mine')).body).toContain(`/nl/practices/${slug}`);
    // The new item typed in a draft is no one else's choice yet.
    expect((await outsider.get('/fr/practices/new')).body).not.toContain('Wachtlijsten bij de tolkendienst');

    await author.get(`/nl/practices/${slug}`);
    const published = await author.post(`/nl/practices/${slug}/publish`, {});
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe(`/nl/practices/${slug}?done=published`);

    // A visitor finds it by a French word, and by a Dutch one on the French page.
    const found = await visitor.get(`/fr/practices?q=${encodeURIComponent('interprètes')}`);
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(`/fr/practices/${slug}`);
    expect(found.body).toContain('Partager des interprètes');
    expect((await visitor.get(`/fr/practices?q=tolken`)).body).toContain(`/fr/practices/${slug}`);
    expect(
      (await visitor.get(`/fr/practices?q=${encodeURIComponent('piscine communale')}`)).body,
    ).not.toContain(slug);
    // Filters: its obstacle, lever, theme's parent, commune and the kind of an organisation involved.
    const [{ kind }] = await sql(app.t, 'select kind from organisations where id = $1', [orgB]);
    const filtered = await visitor.get(
      `/en/practices?obstacle=${items.no_room}&lever=${items.interpreters}&theme=income&commune=21015&kind=${kind}`,
    );
    expect(filtered.body).toContain(slug);
    expect((await visitor.get(`/en/practices?obstacle=${items.short_project_funding}`)).body).not.toContain(
      slug,
    );
    expect((await visitor.get(`/en/practices?commune=21001`)).body).not.toContain(slug);

    // Its page: the lists, the organisations involved, their services, the contact, text as text.
    const page = await visitor.get(`/fr/practices/${slug}`);
    expect(page.statusCode).toBe(200);
    const main = page.body.slice(page.body.indexOf('<main'));
    expect(main).toContain('Barrière de la langue');
    expect(main).toContain('Pas de local');
    expect(main).toContain('Wachtlijsten bij de tolkendienst');
    expect(main).toContain('Interprètes');
    expect(main).toContain('Une journée de réseau entre les communautés');
    expect(main).toContain(`/fr/organisations/${orgB}`);
    expect(main).toContain('/fr/services/');
    expect(main).toContain('Amina El Idrissi');
    expect(main).not.toContain('<script>alert(1)</script>');
    expect(main).toContain('&lt;script>');
    expect(main).not.toContain('/publish');
    // Now its new item is everyone's to choose.
    expect((await outsider.get('/fr/practices/new')).body).toContain('Wachtlijsten bij de tolkendienst');

    // A second practice sharing an item shows the first as related.
    const other = await write(author, {
      'title.en': 'A shared room for homework help',
      obstacles: [items.no_room!],
    });
    await author.post(`/nl/practices/${other}/publish`, {});
    expect((await visitor.get(`/en/practices/${other}`)).body).toContain(`/en/practices/${slug}`);

    // A moderator features it (first in the library), then unpublishes it.
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const modPage = await moderator.get(`/en/practices/${slug}`);
    expect(modPage.body).toContain(`/en/practices/${slug}/feature`);
    expect((await moderator.post(`/en/practices/${slug}/feature`, {})).statusCode).toBe(303);
    const library = (await visitor.get('/en/practices')).body;
    expect(library.indexOf(`/en/practices/${slug}`)).toBeLessThan(library.indexOf(`/en/practices/${other}`));
    expect((await moderator.post(`/en/practices/${slug}/unpublish`, {})).statusCode).toBe(303);
    expect((await visitor.get(`/fr/practices/${slug}`)).statusCode).toBe(404);
    expect((await author.get(`/nl/practices/${slug}`)).body).toContain('niet gepubliceerd');
  });

  it('refuses bad input in words, keeps what was typed, and stores nothing', async () => {
    const { orgA, orgB, items } = await world();
    const author = await memberOf(app.t, orgA, ['editor'], { locale: 'en' });
    const before = { practices: await count('practices'), items: await count('worksheet_items') };
    await author.get('/en/practices/new');
    const many = Array.from({ length: 500 }, (_, i) => `Obstacle number ${i + 1}`).join('\n');
    const refused = await author.post('/en/practices/new', {
      ...practiceForm(orgB, items),
      new_obstacles: many,
    });
    expectRefused(refused, 'At most 20 items in this list', 'Tolken delen tussen een CAW');
    const french = await author.post('/fr/practices/new', {
      ...practiceForm(orgB, items),
      'title.nl': '',
      'title.fr': ' ',
      links: 'ftp://example.org/file\nhttps://example.org',
      organisations: 'https://passerelle.test/fr/organisations/00000000-0000-4000-8000-000000000000',
    });
    expectRefused(
      french,
      'Donnez un titre dans au moins une langue.',
      'Chaque ligne doit être une adresse web commençant par http:// ou https://.',
      'Une de ces lignes n’est pas la page d’une organisation de la carte sociale.',
    );
    // 500 ticked items are refused the same way, before any is looked up, not with a bare error.
    const ticked = await author.post('/en/practices/new', {
      ...practiceForm(orgB, items),
      obstacles: Array.from({ length: 500 }, () => randomUUID()),
      new_obstacles: '',
    });
    expectRefused(ticked, 'At most 20 items in this list');
    expect({ practices: await count('practices'), items: await count('worksheet_items') }).toEqual(before);
  });

  it('lets only the organisation’s members change a practice', async () => {
    const { orgA, orgB, items } = await world();
    const author = await memberOf(app.t, orgA, ['referrer'], { locale: 'en' });
    const colleague = await memberOf(app.t, orgA, ['editor'], { locale: 'en' });
    const outsider = await memberOf(app.t, orgB, ['admin'], { locale: 'en' });
    const slug = await write(author, practiceForm(orgB, items));
    await author.post(`/en/practices/${slug}/publish`, {});
    expect((await outsider.get(`/en/practices/${slug}/edit`)).statusCode).toBe(403);
    await outsider.get('/en/practices');
    expect((await outsider.post(`/en/practices/${slug}/unpublish`, {})).statusCode).toBe(403);
    const form = await colleague.get(`/en/practices/${slug}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Partager des interprètes');
    const changed = await colleague.post(`/en/practices/${slug}/edit`, {
      ...practiceForm(orgB, items),
      'title.en': 'Sharing interpreters between a CAW and a self-organisation',
    });
    expect(changed.statusCode, changed.body.slice(0, 2000)).toBe(303);
    expect((await new FormClient(app.t.app).get(`/en/practices/${slug}`)).body).toContain(
      'Sharing interpreters between a CAW',
    );
  });

  it('finds a practice written only in Dutch by French words, through the glossary', async () => {
    const { orgA, items } = await world();
    const author = await memberOf(app.t, orgA, ['referrer'], { locale: 'nl' });
    const slug = await write(author, {
      'title.nl': 'Schuldbemiddeling aan huis met een vrijwilliger',
      'summary.nl': 'Een vrijwilliger gaat mee naar het gesprek met de schuldeisers.',
      levers: [items.bridge_person!],
    });
    await author.post(`/nl/practices/${slug}/publish`, {});
    const visitor = new FormClient(app.t.app);
    const found = await visitor.get(`/fr/practices?q=${encodeURIComponent('médiation de dettes')}`);
    expect(found.body).toContain(`/fr/practices/${slug}`);
    // Its item's label in English finds it too.
    expect((await visitor.get(`/en/practices?q=${encodeURIComponent('bridge person')}`)).body).toContain(
      slug,
    );
    expect((await visitor.get(`/fr/practices?q=${encodeURIComponent('piscine')}`)).body).not.toContain(slug);
  });

  it('explains the glossary’s words its texts use, in the other languages, without script', async () => {
    const { orgA } = await world();
    const author = await memberOf(app.t, orgA, ['referrer'], { locale: 'nl' });
    const slug = await write(author, {
      'title.nl': 'Samen naar het OCMW voor het leefloon',
      'summary.nl': 'Een vrijwilliger gaat mee naar de sociale dienst.',
    });
    await author.post(`/nl/practices/${slug}/publish`, {});
    const page = (await new FormClient(app.t.app).get(`/fr/practices/${slug}`)).body;
    const terms = page.slice(page.indexOf('class="glossary-terms"'));
    expect(terms).toContain('href="/fr/glossary/ocmw"');
    expect(terms).toContain('CPAS');
    expect(terms).toContain('href="/fr/glossary/leefloon"');
    expect(terms).toContain('<details');
    expect(terms.slice(0, terms.indexOf('</section>'))).not.toContain('<script');
  });

  it('begins a draft from an accepted answer the member may read, and only from one', async () => {
    const { orgA, orgB } = await world();
    const member = await memberOf(app.t, orgA, ['referrer'], { locale: 'fr' });
    const question = await insertQuestion(app.t, {
      title: 'Comment organiser une permanence avec des interprètes bénévoles ?',
      body: 'Nous accueillons des familles qui parlent le tigrinya et le dari.',
      language: 'fr',
      themes: ['income'],
    });
    const accepted = await insertAnswer(app.t, question, {
      body: 'Nous travaillons avec un pool de bénévoles formés, le mardi matin.',
      language: 'fr',
    });
    const other = await insertAnswer(app.t, question, { body: 'Demandez au CPAS.', language: 'fr' });
    await sql(app.t, 'update answers set organisation_ids = $2 where id = $1', [accepted, `{${orgB}}`]);
    await sql(app.t, 'update questions set accepted_answer_id = $2 where id = $1', [question, accepted]);

    // The question's page offers it to a member, next to the accepted answer only.
    const page = (await member.get(`/fr/questions/${question}`)).body;
    expect(page).toContain(`href="/fr/practices/new?answer=${accepted}"`);
    expect(page).not.toContain(`answer=${other}`);
    expect((await new FormClient(app.t.app).get(`/fr/questions/${question}`)).body).not.toContain(
      'practices/new?answer=',
    );

    const form = await member.get(`/fr/practices/new?answer=${accepted}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Comment organiser une permanence avec des interprètes bénévoles ?"');
    expect(form.body).toContain('Nous travaillons avec un pool de bénévoles formés, le mardi matin.');
    expect(form.body).toContain(`/fr/organisations/${orgB}`);
    expect(form.body).toContain(`/fr/questions/${question}`);
    // Saved, it is a draft of the member's organisation like any other.
    const res = await member.post('/fr/practices/new', {
      organisation: orgA,
      'title.fr': 'Une permanence avec des interprètes bénévoles',
      'story.fr': 'Nous travaillons avec un pool de bénévoles formés, le mardi matin.',
    });
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);

    // Not an answer that is not the accepted one, nor one of a question for members only to others.
    expect((await member.get(`/fr/practices/new?answer=${other}`)).statusCode).toBe(404);
    expect((await member.get('/fr/practices/new?answer=nothing')).statusCode).toBe(404);
    await sql(app.t, `update questions set visibility = 'members' where id = $1`, [question]);
    const outsider = await signedInPerson(app.t, { locale: 'fr' });
    expect((await outsider.get(`/fr/practices/new?answer=${accepted}`)).statusCode).toBe(404);
  });
});

describe('good practices: after the review', () => {
  async function writeIn(member: Member, form: Record<string, string | string[]>, locale = 'en') {
    await member.get(`/${locale}/practices/new`);
    return member.post(`/${locale}/practices/new`, form);
  }
  const slugOf = (location: string) => /\/practices\/([^?]+)\?done=created/.exec(location)![1]!;

  it('reaches a practice whose title has letters folding keeps (ı, ł) by the address it was sent to', async () => {
    const { orgA } = await world();
    const author = await memberOf(app.t, orgA, ['editor'], { locale: 'en' });
    const res = await writeIn(author, { 'title.en': 'Kadınlar coffee hour with Łukasz' });
    expect(res.statusCode).toBe(303);
    const slug = slugOf(res.headers.location as string);
    expect(slug).toMatch(/^kad-nlar-coffee-hour-with-ukasz-[0-9a-f]{6}$/);
    expect((await author.get(res.headers.location as string)).statusCode).toBe(200);
    expect((await author.get('/en/practices/mine')).body).toContain(`/en/practices/${slug}"`);
  });

  it('does not let the organisation alone put back a practice a moderator took off, and says why', async () => {
    const { orgA } = await world();
    const author = await memberOf(app.t, orgA, ['editor'], { locale: 'fr' });
    const res = await writeIn(author, { 'title.fr': 'Une pratique qu’un modérateur retire' }, 'fr');
    const slug = slugOf(res.headers.location as string);
    await author.get(`/fr/practices/${slug}`);
    expect((await author.post(`/fr/practices/${slug}/publish`, {})).statusCode).toBe(303);
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    await moderator.get(`/en/practices/${slug}`);
    expect((await moderator.post(`/en/practices/${slug}/unpublish`, {})).statusCode).toBe(303);
    const page = await author.get(`/fr/practices/${slug}`);
    expect(page.body).toContain('seul un modérateur peut la publier à nouveau');
    expect(page.body).not.toContain(`action="/fr/practices/${slug}/publish"`);
    const again = await author.post(`/fr/practices/${slug}/publish`, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Seul un modérateur peut la publier à nouveau');
    const status = async () =>
      (await sql(app.t, 'select status from practices where slug = $1', [slug]))[0].status;
    expect(await status()).toBe('unpublished');
    expect((await moderator.get(`/en/practices/${slug}`)).body).toContain(
      `action="/en/practices/${slug}/publish"`,
    );
    expect((await moderator.post(`/en/practices/${slug}/publish`, {})).statusCode).toBe(303);
    expect(await status()).toBe('published');
  });

  it('refuses a change from a form older than a colleague’s, keeps what was typed, and replaces it knowingly', async () => {
    const { orgA } = await world();
    const [one, two] = [
      await memberOf(app.t, orgA, ['editor'], { locale: 'en' }),
      await memberOf(app.t, orgA, ['editor'], { locale: 'en' }),
    ];
    const res = await writeIn(one, { 'title.en': 'Two editors at once' });
    const slug = slugOf(res.headers.location as string);
    const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
    const oldVersion = versionIn((await one.get(`/en/practices/${slug}/edit`)).body);
    const form = await two.get(`/en/practices/${slug}/edit`);
    const changed = { 'title.en': 'Two editors at once', 'story.en': 'Colleague’s long story' };
    const saved = await two.post(`/en/practices/${slug}/edit`, { ...changed, version: versionIn(form.body) });
    expect(saved.statusCode).toBe(303);
    const mine = { 'title.en': 'Two editors at once, retitled', version: oldVersion };
    const stale = await one.post(`/en/practices/${slug}/edit`, mine);
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('A colleague changed this practice while you were editing it.');
    expect(stale.body).toContain('value="Two editors at once, retitled"');
    const newVersion = versionIn(stale.body);
    expect(newVersion).not.toBe(oldVersion);
    const row = async () =>
      (await sql(app.t, 'select title, story from practices where slug = $1', [slug]))[0];
    expect(await row()).toEqual({
      title: { en: 'Two editors at once' },
      story: { en: 'Colleague’s long story' },
    });
    // Saved again from the refused form: it knowingly replaces the colleague's change.
    expect((await one.post(`/en/practices/${slug}/edit`, { ...mine, version: newVersion })).statusCode).toBe(
      303,
    );
    expect(await row()).toEqual({ title: { en: 'Two editors at once, retitled' }, story: {} });
  });

  it('accepts three stories near their limit, full of accents, and their change', async () => {
    const { orgA } = await world();
    const author = await memberOf(app.t, orgA, ['editor'], { locale: 'fr' });
    // 3-byte characters (’, —) and 2-byte ones (é, à): about 160 KiB a story once the form encodes it.
    const story = 'Déjà l’été — à ça’ '.repeat(1_100).slice(0, 19_990);
    const stories = { 'story.fr': story, 'story.nl': story, 'story.en': story };
    const res = await writeIn(author, { 'title.fr': 'Un récit long', ...stories }, 'fr');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const slug = slugOf(res.headers.location as string);
    const stored = async () =>
      (await sql(app.t, 'select story from practices where slug = $1', [slug]))[0].story;
    expect(await stored()).toEqual({ fr: story.trim(), nl: story.trim(), en: story.trim() });
    await author.get(`/fr/practices/${slug}/edit`);
    const edited = await author.post(`/fr/practices/${slug}/edit`, {
      'title.fr': 'Un récit long, revu',
      ...stories,
      'story.en': `${story.slice(0, 19_000)}!`,
    });
    expect(edited.statusCode, edited.body.slice(0, 300)).toBe(303);
    expect((await stored()).en).toBe(`${story.slice(0, 19_000)}!`);
  });
});
