// The demo practices against the demo directory: loaded once, again only where one is missing, for
// demo organisations with no author, in three languages with seeded items; the library shows the
// published ones (the featured first), a French word finds them, their page says they are demo,
// and the draft stays hidden.
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { loadDemoPractices } from '../index.ts';
import { demoPractices } from './demo-practices.data.ts';

const app = useTestApp();
const query = async (text: string, values: unknown[] = []) =>
  (await app.t.database.pool.query(text, values)).rows;

describe('loadDemoPractices', () => {
  it('loads the demo practices once, and later only the ones missing', async () => {
    const { db } = app.t.database;
    expect(await loadDemoPractices(db, new Date())).toBe(demoPractices.length);
    expect(demoPractices.length).toBeGreaterThanOrEqual(8);
    expect(await loadDemoPractices(db, new Date())).toBe(0);

    const rows = await query(
      `select p.slug, p.status, p.featured, p.author_id, p.title, p.summary, p.story, p.contact_name,
              p.obstacles, p.levers, p.tools, p.organisation_kinds, p.published_at, p.search_terms::text as terms,
              o.is_demo, (select bool_and(i.is_demo) from organisations i where i.id = any(p.organisation_ids)) as involved_demo,
              cardinality(p.organisation_ids) as involved
       from practices p join organisations o on o.id = p.organisation_id order by p.slug`,
    );
    expect(rows.map((r) => r.slug).sort()).toEqual(demoPractices.map((p) => p.slug).sort());
    for (const r of rows) {
      expect(r).toMatchObject({ author_id: null, is_demo: true, involved_demo: true });
      expect(r.involved).toBeGreaterThan(0);
      for (const text of [r.title, r.summary, r.story])
        expect(Object.keys(text).sort()).toEqual(['en', 'fr', 'nl']);
      expect(r.obstacles.length && r.levers.length && r.tools.length).toBeTruthy();
      expect(r.terms.length).toBeGreaterThan(100);
      expect(r.published_at === null).toBe(r.status === 'draft');
    }
    expect(rows.filter((r) => r.status === 'published').length).toBeGreaterThanOrEqual(6);
    expect(rows.filter((r) => r.status === 'draft')).toHaveLength(1);
    expect(rows.filter((r) => r.featured).map((r) => r.slug)).toEqual(['demo-language-buddies']);
    // Every item named is a seeded one (none was dropped for an unknown code).
    const named = demoPractices.reduce(
      (n, p) => n + p.obstacles.length + p.levers.length + p.tools.length,
      0,
    );
    const stored = rows.reduce((n, r) => n + r.obstacles.length + r.levers.length + r.tools.length, 0);
    expect(stored).toBe(named);
    const seeded = await query(`select count(*)::int as n from worksheet_items where code is null`);
    expect(seeded[0].n).toBe(0);

    // One gone (a database from before it, say): the next start brings back that one only.
    await query(`delete from practices where slug = 'demo-network-day'`);
    expect(await loadDemoPractices(db, new Date())).toBe(1);
    expect((await query(`select count(*)::int as n from practices`))[0].n).toBe(demoPractices.length);
  });

  it('shows the published ones in the library, featured first, found in another language, labelled demo', async () => {
    const visitor = new FormClient(app.t.app);
    const library = await visitor.get('/fr/practices');
    expect(library.statusCode).toBe(200);
    const titles = [...library.body.matchAll(/href="\/fr\/practices\/(demo-[a-z-]+)"/g)].map((m) => m[1]);
    expect(titles[0]).toBe('demo-language-buddies');
    expect(titles).not.toContain('demo-homework-club-partnership');
    // A Dutch word finds practices through their Dutch texts, shown to a French reader.
    const found = await visitor.get(`/fr/practices?q=${encodeURIComponent('taalcafé')}`);
    expect(found.body).toContain('/fr/practices/demo-language-buddies');

    const page = await visitor.get('/nl/practices/demo-warm-handover');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Doorverwijzen met een warme overdracht');
    expect(page.body).toContain('Demopraktijk: verzonnen');
    expect(page.body).toContain('Onthaalverantwoordelijke');
    const draft = await visitor.get('/en/practices/demo-homework-club-partnership');
    expect(draft.statusCode).toBe(404);
  });
});
