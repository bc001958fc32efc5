// Moderators change and add the glossary's concepts through the real app: the form comes filled with
// what is there and saving it unchanged changes no word; a new synonym shows on the concept's page
// with its version in the history, and search understands it; bad input is refused in the reader's
// language with nothing changed; and the forms are for moderators only.
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { type Member, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The fields of the page's form as a browser would send them untouched. */
function formValues(html: string): Record<string, string> {
  const start = html.indexOf('<form method="post" action="/', html.indexOf('<main'));
  const form = html.slice(start, html.indexOf('</form>', start));
  const values: Record<string, string> = {};
  for (const m of form.matchAll(/<input[^>]*\bname="([^"]+)"[^>]*>/g)) {
    const value = /\bvalue="([^"]*)"/.exec(m[0]);
    if (m[1] !== '_csrf') values[m[1]!] = unescape(value?.[1] ?? '');
  }
  for (const m of form.matchAll(/<textarea[^>]*\bname="([^"]+)"[^>]*>([^<]*)<\/textarea>/g))
    values[m[1]!] = unescape(m[2]!);
  return values;
}

/** The concept's words and version as stored. */
async function stored(slug: string) {
  const [row] = await sql(
    app.t,
    `select c.version, array(select l.language || ':' || l.kind || ':' || l.text from glossary_labels l
       where l.concept_id = c.id order by l.language, l.kind, l.position, l.text) as words
       from glossary_concepts c where c.slug = $1`,
    [slug],
  );
  return row as { version: number; words: string[] };
}

async function moderator(locale = 'en'): Promise<Member> {
  return signedInPerson(app.t, { platformRole: 'moderator', locale });
}

describe('changing a concept', () => {
  it('shows the form filled in; saved unchanged, the words stay the same and a version is added', async () => {
    const m = await moderator();
    const before = await stored('ocmw');
    const form = await m.get('/en/glossary/ocmw/edit');
    expect(form.statusCode).toBe(200);
    const values = formValues(form.body);
    expect(values['preferred.nl']).toBe('OCMW');
    expect(values['preferred.fr']).toBe('CPAS');
    expect(values['synonyms.nl']?.split('\n')).toContain('sociaal huis');
    const saved = await m.post('/en/glossary/ocmw/edit', { ...values, note: 'Read again.' });
    expect(saved.statusCode, saved.body.slice(0, 500)).toBe(303);
    expect(saved.headers.location).toBe('/en/glossary/ocmw?done=changed');
    const after = await stored('ocmw');
    expect(after.words).toEqual(before.words);
    expect(after.version).toBe(before.version + 1);
    const page = await m.get(saved.headers.location as string);
    expect(page.body).toContain('Your changes were saved.');
    expect(page.body).toContain(`Version ${after.version}, `);
    expect(page.body).toContain('Read again.');
  });

  it('adds a synonym with its sector that the page shows and the search understands', async () => {
    const m = await moderator('fr');
    const values = formValues((await m.get('/fr/glossary/schuldbemiddeling/edit')).body);
    const res = await m.post('/fr/glossary/schuldbemiddeling/edit', {
      ...values,
      'synonyms.fr': `${values['synonyms.fr']}\nplan d’apurement | cocof`,
      note: 'Le mot des CPAS.',
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const page = await new FormClient(app.t.app).get('/fr/glossary/schuldbemiddeling');
    expect(page.body).toContain('plan d’apurement');
    expect(page.body).toContain('employé à la COCOF');
    expect(page.body).toContain('Le mot des CPAS.');
    const [{ n }] = await sql(
      app.t,
      `select count(*)::int as n from audit_log where event = 'glossary.concept_changed' and details->>'slug' = 'schuldbemiddeling'`,
    );
    expect(n).toBe(1);
    // The search's thesaurus follows (the app's own live index hears the announcement).
    const deadline = Date.now() + 10_000;
    let understood: string[] = [];
    while (!understood.length && Date.now() < deadline) {
      const api = await app.t.app.inject({
        url: `/api/v1/search?q=${encodeURIComponent('plan d’apurement')}`,
      });
      understood = (api.json() as { understood: string[] }).understood;
      if (!understood.length) await new Promise((r) => setTimeout(r, 100));
    }
    expect(understood).toHaveLength(1);
  });

  it('refuses a word of another concept, a loop, an unknown concept, a bad sector: in words, nothing changed', async () => {
    const m = await moderator('fr');
    const values = formValues((await m.get('/fr/glossary/leefloon/edit')).body);
    const before = await stored('leefloon');
    const taken = await m.post('/fr/glossary/leefloon/edit', { ...values, 'abbreviations.nl': 'OCMW' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('« OCMW » est déjà un mot de la notion « ocmw »');
    // What was typed stays in the form.
    expect(formValues(taken.body)['abbreviations.nl']).toBe('OCMW');

    const sector = await m.post('/fr/glossary/leefloon/edit', {
      ...values,
      'synonyms.nl': 'bestaansminimum\nleefgeld | gemeente',
    });
    expect(sector.statusCode).toBe(400);
    expect(sector.body).toContain('Ligne 2 : après la barre, écrivez vgc, cocof, cocom ou federal.');

    const unknown = await m.post('/fr/glossary/leefloon/edit', { ...values, related: 'ocmw\nno-such-thing' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Le glossaire n’a pas de notion « no-such-thing »');

    const missing = await m.post('/fr/glossary/leefloon/edit', { ...values, 'preferred.en': ' ' });
    expect(missing.statusCode).toBe(400);
    expect(await stored('leefloon')).toEqual(before);

    // leefloon under ocmw, then ocmw under leefloon: a loop.
    expect((await m.post('/fr/glossary/leefloon/edit', { ...values, broader: 'ocmw' })).statusCode).toBe(303);
    const ocmw = formValues((await m.get('/fr/glossary/ocmw/edit')).body);
    const loop = await m.post('/fr/glossary/ocmw/edit', { ...ocmw, broader: 'leefloon' });
    expect(loop.statusCode).toBe(400);
    expect(loop.body).toContain('Cela ferait une boucle de notions plus larges (ocmw → leefloon → ocmw)');
    const [{ broader }] = await sql(app.t, `select broader from glossary_concepts where slug = 'ocmw'`);
    expect(broader).toEqual([]);
  });

  it('is for moderators: others are refused, visitors asked to sign in, an unknown concept not found', async () => {
    const member = await signedInPerson(app.t);
    expect((await member.get('/en/glossary/ocmw/edit')).statusCode).toBe(403);
    expect((await member.get('/en/glossary/new')).statusCode).toBe(403);
    const visitor = new FormClient(app.t.app);
    const res = await visitor.get('/en/glossary/ocmw/edit');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/\/en\/login/);
    expect((await (await moderator()).get('/en/glossary/no-such-thing/edit')).statusCode).toBe(404);
    // The concept page offers the form to moderators only.
    expect((await member.get('/en/glossary/ocmw')).body).not.toContain('/en/glossary/ocmw/edit');
    expect((await (await moderator()).get('/en/glossary/ocmw')).body).toContain('/en/glossary/ocmw/edit');
  });
});

describe('adding a concept', () => {
  it('makes its slug from the Dutch word, shows it, and refuses one without its three words', async () => {
    const m = await moderator('nl');
    expect((await m.get('/nl/glossary')).body).toContain('href="/nl/glossary/new"');
    await m.get('/nl/glossary/new');
    const refused = await m.post('/nl/glossary/new', { 'preferred.nl': 'deelbibliotheek' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Vul dit in.');
    const [{ n: none }] = await sql(
      app.t,
      `select count(*)::int as n from glossary_concepts where slug = 'deelbibliotheek'`,
    );
    expect(none).toBe(0);

    const res = await m.post('/nl/glossary/new', {
      'preferred.nl': 'Deelbibliotheek',
      'preferred.fr': 'bibliothèque d’objets',
      'preferred.en': 'library of things',
      'synonyms.nl': 'spullenbib | vgc',
      'definitions.nl':
        'Een plek waar buurtbewoners gereedschap en andere spullen lenen in plaats van ze te kopen.',
      related: 'ocmw',
      note: '',
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe('/nl/glossary/deelbibliotheek?done=added');
    const page = await m.get('/nl/glossary/deelbibliotheek');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('spullenbib');
    expect(page.body).toContain('Versie 1, ');
    // The same Dutch word again is taken; "new" itself is never a concept's address.
    await m.get('/nl/glossary/new');
    const again = await m.post('/nl/glossary/new', {
      'preferred.nl': 'deelbibliotheek',
      'preferred.fr': 'prêt d’outils',
      'preferred.en': 'tool library',
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('‘deelbibliotheek’ is al een woord van het begrip ‘deelbibliotheek’');
  });

  it('says when a list holds too many words, and when the concept changed since the form was opened', async () => {
    const a = await moderator();
    const b = await moderator();
    const fromA = formValues((await a.get('/en/glossary/gastgezin/edit')).body);
    const many = Array.from({ length: 61 }, (_, i) => `pleegwoord ${i + 1}`).join('\n');
    const tooMany = await a.post('/en/glossary/gastgezin/edit', { ...fromA, 'synonyms.nl': many });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('A concept has at most 60 words in all.');

    const fromB = formValues((await b.get('/en/glossary/gastgezin/edit')).body);
    expect(
      (await b.post('/en/glossary/gastgezin/edit', { ...fromB, 'definitions.en': 'By B.' })).statusCode,
    ).toBe(303);
    const stale = await a.post('/en/glossary/gastgezin/edit', { ...fromA, 'definitions.en': 'By A.' });
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('Another moderator changed this concept while you were editing');
    expect(
      (await sql(app.t, `select definition from glossary_concepts where slug = 'gastgezin'`))[0],
    ).toEqual({
      definition: { en: 'By B.' },
    });
    // What A typed stays; saving again, knowingly, replaces B's change.
    const again = formValues(stale.body);
    expect(again['definitions.en']).toBe('By A.');
    expect((await a.post('/en/glossary/gastgezin/edit', again)).statusCode).toBe(303);
    expect(
      (await sql(app.t, `select definition from glossary_concepts where slug = 'gastgezin'`))[0],
    ).toEqual({
      definition: { en: 'By A.' },
    });
  });
});
