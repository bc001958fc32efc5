// Good practices and glossary terms in the one search, through the app: a published practice found
// by a word of its title in another language, a draft never; unpublishing and publishing followed;
// glossary terms found by any of their words.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchApi } from '../../../../test/helpers/search-api.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { loadDemoPractices } from '../index.ts';

const shared = useTestApp();
const { get } = shared;

const { api, eventually } = searchApi(get, 'fr');

beforeAll(async () => {
  await loadDemoPractices(shared.t.database.db, new Date());
  await eventually('type=practice', (items) => items.length > 0);
});

describe('good practices in the one search', () => {
  it('finds a published practice by a word of its title in another language, with its page', async () => {
    const items = await api('q=taalmaatjes&type=practice');
    expect(items.data.map((i) => i.name.fr)).toContain(
      'Binômes linguistiques : les apprenants pratiquent hors du cours avec un bénévole',
    );
    const item = items.data[0]!;
    expect(item.links.html.nl).toMatch(/^\/nl\/practices\/[a-z0-9-]+$/);
    expect(item.owner_name).not.toBeNull();
  });

  it('never finds a draft, and follows unpublishing and publishing', async () => {
    expect((await api('q=huiswerkbegeleiding jeugdhulpdienst&type=practice')).data).toEqual([]);
    const [item] = (await api('q=taalmaatjes&type=practice')).data;
    const db = shared.t.database.db;
    await db.execute(
      sql`update practices set status = 'unpublished', unpublished_at = now() where id = ${item!.id}`,
    );
    expect(await eventually('q=taalmaatjes&type=practice', (i) => i.length === 0)).toEqual([]);
    await db.execute(
      sql`update practices set status = 'published', unpublished_at = null where id = ${item!.id}`,
    );
    expect((await eventually('q=taalmaatjes&type=practice', (i) => i.length > 0)).map((i) => i.id)).toEqual([
      item!.id,
    ]);
  });
});

describe('glossary terms in the one search', () => {
  it('finds a concept by any of its words, linked to its page', async () => {
    const items = (await api('q=OCMW&type=term')).data;
    expect(items[0]).toMatchObject({ type: 'term', links: { html: { fr: '/fr/glossary/ocmw' } } });
    expect(items[0]!.name.fr).toBe('CPAS');
    // No result with a place: the list takes the map's width.
    const page = await get('/fr/search?q=OCMW&type=term');
    expect(page.body).toContain('class="results-with-map no-map"');
    expect(page.body).not.toContain('search-map');
  });

  it('shows a concept without a definition by its words in the other languages, never as a definition', async () => {
    const db = shared.t.database.db;
    await db.execute(sql`update glossary_concepts set definition = '{}' where slug = 'ocmw'`);
    const [bare] = await eventually('q=OCMW&type=term', (i) => !i[0]?.description.en?.includes('Defined'));
    expect(bare!.description.fr).toMatch(/^OCMW \(nl\) · PCSW \(en\) · centre public d'action sociale/);
    expect(bare!.description.nl).toMatch(/^CPAS \(fr\) · PCSW \(en\)/);
    await db.execute(
      sql`update glossary_concepts set definition = '{"en": "Defined: the public social welfare centre."}' where slug = 'ocmw'`,
    );
    const [defined] = await eventually(
      'q=OCMW&type=term',
      (i) => i[0]?.description.en?.startsWith('Defined') ?? false,
    );
    expect(defined!.description.en).toBe('Defined: the public social welfare centre.');
    expect(defined!.description.fr).toMatch(/^OCMW \(nl\)/);
    // Only the definition is searched as the description: the words shown are not searched twice.
    expect((await api('q=Defined&type=term')).data.map((i) => i.links.html.fr)).toEqual([
      '/fr/glossary/ocmw',
    ]);
  });

  it('follows a new word of a concept', async () => {
    const db = shared.t.database.db;
    await db.execute(sql`
      insert into glossary_labels (concept_id, language, kind, text, folded, position)
      select id, 'nl', 'synonym', 'Steunhuisje', 'steunhuisje', 9 from glossary_concepts where slug = 'ocmw'`);
    const items = await eventually('q=Steunhuisje&type=term', (i) => i.length > 0);
    expect(items.map((i) => i.links.html.fr)).toEqual(['/fr/glossary/ocmw']);
  });
});
