// The glossary's public pages through the real app, on the glossary the migrations bring (364
// concepts): the list sorted as the reader's language sorts, fifty a page; a search in one language
// finding a concept by its word in another ("OCMW" finds the French reader's "CPAS"); a concept's
// page with its words, themes, definition, linked concepts and sectors; bad input refused in words,
// never a server error; and what was typed shown as text.
import { describe, expect, it } from 'vitest';
import { sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();

/** The names of the concepts a list page shows, in its order. */
const titles = (html: string) =>
  [
    ...html.matchAll(
      /<li class="glossary-entry"><h3><a href="\/\w\w\/glossary\/([^"]+)">(?:<span[^>]*>)?([^<]+)</g,
    ),
  ].map((m) => ({ slug: m[1]!, title: m[2]! }));
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe('the list', () => {
  it('shows every concept once, fifty a page, sorted by its word in the reader’s language', async () => {
    const [{ n }] = await sql(app.t, 'select count(*)::int as n from glossary_concepts');
    expect(n).toBe(364);
    const seen: { slug: string; title: string }[] = [];
    for (let page = 1; page <= 8; page++) {
      const res = await app.get(`/fr/glossary${page > 1 ? `?page=${page}` : ''}`);
      expect(res.statusCode).toBe(200);
      const entries = titles(res.body);
      expect(entries).toHaveLength(page < 8 ? 50 : 14);
      if (page === 1) {
        expect(res.body).toContain('364 notions');
        expect(res.body).toContain('href="/fr/glossary?page=2" rel="next"');
      }
      if (page === 8) expect(res.body).not.toContain('rel="next"');
      seen.push(...entries);
    }
    expect(new Set(seen.map((e) => e.slug)).size).toBe(364);
    // French order: accents and case count only to break ties ("hébergement" among the h's).
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    const decoded = seen.map((e) => e.title.replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
    for (let i = 1; i < decoded.length; i++)
      expect(
        collator.compare(decoded[i - 1]!, decoded[i]!),
        `${decoded[i - 1]} before ${decoded[i]}`,
      ).toBeLessThanOrEqual(0);
    // Not the slugs' (Dutch) order.
    expect(seen.map((e) => e.slug)).not.toEqual([...seen.map((e) => e.slug)].sort());

    // Each concept shows its preferred words in the two other languages.
    const first = await app.get('/nl/glossary?q=ocmw');
    const entry = first.body.slice(first.body.indexOf('href="/nl/glossary/ocmw"'));
    expect(entry).toMatch(/<dt>Frans<\/dt><dd><span lang="fr">CPAS<\/span><\/dd>/);
    expect(entry).toMatch(/<dt>Engels<\/dt><dd><span lang="en">PCSW<\/span><\/dd>/);
  });

  it('finds a concept by a word of any language, folded, from the start of any of its words', async () => {
    const fr = await app.get('/fr/glossary?q=OCMW');
    expect(fr.statusCode).toBe(200);
    expect(titles(fr.body)).toContainEqual({ slug: 'ocmw', title: 'CPAS' });
    expect(fr.body).toContain('un mot qui commence par « OCMW »');
    // Lower case, and the Dutch reader's "CPAS" the other way round.
    expect(titles((await app.get('/fr/glossary?q=ocmw')).body)).toContainEqual({
      slug: 'ocmw',
      title: 'CPAS',
    });
    expect(titles((await app.get('/nl/glossary?q=cpas')).body)).toContainEqual({
      slug: 'ocmw',
      title: 'OCMW',
    });
    // A word inside a label, typed with its accent: "revenu d'intégration".
    const inside = await app.get(`/en/glossary?q=${encodeURIComponent('intégration')}`);
    expect(titles(inside.body).map((e) => e.slug)).toContain('leefloon');
    // A synonym that matched is named: "sociaal huis" is OCMW's.
    const synonym = await app.get(`/fr/glossary?q=${encodeURIComponent('sociaal hu')}`);
    expect(titles(synonym.body)).toEqual([{ slug: 'ocmw', title: 'CPAS' }]);
    expect(synonym.body).toContain('Trouvée par : <span lang="nl">sociaal huis</span>');
    // Nothing.
    const none = await app.get('/fr/glossary?q=zzqxw');
    expect(none.statusCode).toBe(200);
    expect(titles(none.body)).toEqual([]);
    expect(none.body).toContain('Aucun mot du glossaire ne commence par « zzqxw »');
    const noWords = await app.get(`/en/glossary?q=${encodeURIComponent('!!!')}`);
    expect(noWords.body).toContain('Type a word with letters or digits.');
    expect(titles(noWords.body)).toEqual([]);
  });

  it('puts a concept with a word equal to the search first, then words starting with it', async () => {
    // "OCMW": the word itself (CPAS/OCMW), then "OCMW-kaart", then words with a part "OCMW" in them
    // ("referentieadres bij het OCMW"), sorted among themselves; alphabetically CPAS came fourth.
    const fr = titles((await app.get('/fr/glossary?q=OCMW')).body);
    expect(fr.length).toBeGreaterThanOrEqual(4);
    expect(fr[0]).toEqual({ slug: 'ocmw', title: 'CPAS' });
    const [{ slug: kaart }] = await sql(
      app.t,
      `select c.slug from glossary_concepts c join glossary_labels l on l.concept_id = c.id
       where l.folded = 'ocmw kaart'`,
    );
    expect(fr[1]?.slug).toBe(kaart);
    const rest = fr.slice(2).map((e) => e.title);
    expect(rest.length).toBeGreaterThanOrEqual(2);
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    expect(rest).toEqual([...rest].sort(collator.compare));
    // The same in Dutch, and with the word typed otherwise.
    expect(titles((await app.get('/nl/glossary?q=cpas')).body)[0]).toEqual({ slug: 'ocmw', title: 'OCMW' });
    // Without a search, the list stays in the language's order.
    const all = titles((await app.get('/fr/glossary')).body).map((e) => e.title);
    expect(all).toEqual([...all].sort(collator.compare));
  });

  it('shows what was typed as text', async () => {
    for (const q of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']) {
      const res = await app.get(`/en/glossary?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      // In the box, inside its quoted value; everywhere else as text.
      const value = `value="${q.replace(/&/g, '&amp;').replace(/"/g, '&#34;')}"`;
      expect(res.body).toContain(value);
      const rest = res.body.replace(value, '');
      expect(rest).not.toContain('<script>alert');
      expect(rest).not.toContain('<img src=x');
      expect(mainOf(rest)).toMatch(/&lt;(script|img)/);
    }
  });

  it('refuses bad pages and searches in words, never with a server error', async () => {
    for (const query of ['page=0', 'page=abc', 'page=-1', 'page=1.5', 'page=1001', 'page=Infinity']) {
      const res = await app.get(`/fr/glossary?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.body, query).toContain('Demande non valable');
    }
    const long = await app.get(`/fr/glossary?q=${'a'.repeat(300)}`);
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Une recherche compte 120 caractères au maximum.');
    expect((await app.get(`/fr/glossary?q=${'a'.repeat(5_000)}`)).statusCode).toBe(400);
    // A page past the last says so.
    const far = await app.get('/en/glossary?page=99');
    expect(far.statusCode).toBe(200);
    expect(far.body).toContain('There are not that many pages.');
  });

  it('is linked from every page’s footer', async () => {
    const home = await app.get('/nl/');
    expect(home.body).toContain('<a href="/nl/glossary">Woordenlijst welzijn in drie talen</a>');
  });
});

describe('a concept’s page', () => {
  it('shows its words per language, its themes in the directory and a search of the directory', async () => {
    const res = await app.get('/fr/glossary/ocmw');
    expect(res.statusCode).toBe(200);
    const main = mainOf(res.body);
    expect(main).toMatch(/<h1><span>CPAS<\/span><\/h1>/);
    // The reader's language first, then the others; OCMW an abbreviation, the rest synonyms.
    expect(main.indexOf('<h3>Français</h3>')).toBeLessThan(main.indexOf('<h3>Anglais</h3>'));
    expect(main.indexOf('<h3>Anglais</h3>')).toBeLessThan(main.indexOf('<h3>Néerlandais</h3>'));
    expect(main).toMatch(
      /<strong><span lang="nl">OCMW<\/span><\/strong> <span class="badge">mot préféré<\/span>/,
    );
    expect(main).toContain('<span lang="nl">sociaal huis</span>');
    expect(main).toMatch(/<span>centre public d&#39;action sociale<\/span>/);
    const [{ kind }] = await sql(app.t, `select kind from glossary_labels where text = 'CPAS'`);
    expect(kind).toBe('preferred');
    expect(main).toContain('Aucune définition n’a encore été écrite pour cette notion.');
    // Themes, named as the directory names them, link to the directory filtered by each.
    const themes = await sql(
      app.t,
      `select t.code, t.name->>'fr' as name from glossary_concepts c join taxonomy_terms t on t.code = any(c.themes)
       where c.slug = 'ocmw'`,
    );
    expect(themes.length).toBeGreaterThan(0);
    for (const theme of themes)
      expect(main).toContain(
        `<a href="/fr/directory?theme=${encodeURIComponent(theme.code)}">${theme.name.replace(/'/g, '&#39;')}</a>`,
      );
    expect(main).toContain(
      '<a class="button" href="/fr/search?q=CPAS">Chercher « CPAS » dans le répertoire</a>',
    );
    expect(main).toContain('<a href="/fr/glossary">Glossaire de l’aide sociale</a>');
    // An abbreviation says so: "RIS" for the revenu d'intégration sociale.
    const [{ kind: ris }] = await sql(app.t, `select kind from glossary_labels where text = 'RIS'`);
    expect(ris).toBe('abbreviation');
    const leefloon = mainOf((await app.get('/fr/glossary/leefloon')).body);
    expect(leefloon).toContain('<li><span>RIS</span> <span class="badge">abréviation</span></li>');
    expect(leefloon).toContain('<li><span>minimex</span></li>');
    // In English it is the PCSW.
    expect(mainOf((await app.get('/en/glossary/ocmw')).body)).toMatch(/<h1><span>PCSW<\/span><\/h1>/);
  });

  it('says a concept it does not hold is not found, in the reader’s language', async () => {
    const res = await app.get('/nl/glossary/geen-begrip');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Begrip niet gevonden');
    const fr = await app.get(`/fr/glossary/${encodeURIComponent('<b>x</b>')}`);
    expect(fr.statusCode).toBe(404);
    expect(fr.body).toContain('Notion introuvable');
    expect((await app.get(`/en/glossary/${'x'.repeat(300)}`)).statusCode).toBe(400);
  });

  it('shows abbreviations, sectors, definitions, Arabic and linked concepts where the glossary has them', async () => {
    // No editing use case yet: the words a moderator would give, written straight in the tables.
    await sql(app.t, `update glossary_labels set sector = 'vgc' where text = 'OCMW'`);
    await sql(app.t, `update glossary_labels set sector = 'cocof' where text = 'CPAS'`);
    await sql(
      app.t,
      `update glossary_concepts set definition = '{"fr": "Le centre public qui aide <b>chacun</b>.", "ar": "مركز عمومي"}'::jsonb,
         related = array[(select id from glossary_concepts where slug = 'leefloon')]
       where slug = 'ocmw'`,
    );
    await sql(
      app.t,
      `update glossary_concepts set broader = array[(select id from glossary_concepts where slug = 'ocmw')] where slug = 'gezin'`,
    );
    await sql(
      app.t,
      `insert into glossary_labels (concept_id, language, kind, text, folded)
       select id, 'ar', 'preferred', 'المركز العمومي للرعاية الاجتماعية', 'المركز العمومي للرعاية الاجتماعية'
       from glossary_concepts where slug = 'ocmw'`,
    );
    const main = mainOf((await app.get('/fr/glossary/ocmw')).body);
    expect(main).toContain(
      '<span class="badge">employé à la COCOF (Commission communautaire française)</span>',
    );
    expect(main).toContain('<span class="badge">employé à la VGC (Commission communautaire flamande)</span>');
    expect(main).toContain('<p>Le centre public qui aide &lt;b>chacun&lt;/b>.</p>');
    expect(main).toContain('<h3>Arabe</h3>');
    expect(main).toContain('<p lang="ar" dir="rtl">مركز عمومي</p>');
    expect(main).toContain('<span lang="ar" dir="rtl">المركز العمومي للرعاية الاجتماعية</span>');
    expect(main).not.toContain('Aucune définition');
    // Related both ways; "gezin" is narrower than it, and it broader than "gezin".
    expect(main).toMatch(
      /id="related-title">Notions voisines<\/h2><ul><li><a href="\/fr\/glossary\/leefloon">/,
    );
    expect(main).toMatch(
      /id="narrower-title">Notions plus précises<\/h2><ul><li><a href="\/fr\/glossary\/gezin">/,
    );
    const leefloon = mainOf((await app.get('/fr/glossary/leefloon')).body);
    expect(leefloon).toMatch(
      /id="related-title">Notions voisines<\/h2><ul><li><a href="\/fr\/glossary\/ocmw">/,
    );
    const gezin = mainOf((await app.get('/fr/glossary/gezin')).body);
    expect(gezin).toMatch(
      /id="broader-title">Notions plus larges<\/h2><ul><li><a href="\/fr\/glossary\/ocmw">/,
    );
    // The list, read from the process's copy of the glossary, shows the Arabic word too once the
    // change is announced with its version, as a moderator's change is.
    await sql(
      app.t,
      `insert into glossary_versions (concept_id, version, note, state)
       select id, version + 1, 'Changed by a test.', '{}'::jsonb from glossary_concepts where slug = 'ocmw'`,
    );
    await sql(app.t, `select pg_notify('glossary_changed', '')`);
    const arabic = /<dt>Arabic<\/dt><dd><span lang="ar" dir="rtl">المركز/;
    const deadline = Date.now() + 10_000;
    let list = await app.get('/en/glossary?q=ocmw');
    while (!arabic.test(list.body) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      list = await app.get('/en/glossary?q=ocmw');
    }
    expect(list.body).toMatch(arabic);
  });
});
