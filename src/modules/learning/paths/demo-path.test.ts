import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { thesaurusConcepts } from '../../glossary/index.ts';
import { demoPathSlug, loadDemoPath } from './demo-path.ts';
import { insertPath } from './paths.repo.ts';

const app = useTestApp();

describe('loadDemoPath', () => {
  it('publishes one demo path, once, linked to words the glossary has, and anyone can follow it', async () => {
    const { database } = app.t;
    expect(await loadDemoPath(database.db, new Date())).toBe(1);
    expect(await loadDemoPath(database.db, new Date())).toBe(0);
    const { rows } = await database.pool.query(
      'select slug, status, is_demo, organisation_id, created_by, cards, title from learning_paths',
    );
    expect(rows).toHaveLength(1);
    const [path] = rows;
    expect(path).toMatchObject({
      slug: demoPathSlug,
      status: 'published',
      is_demo: true,
      organisation_id: null,
      created_by: null,
    });
    expect(path.title.en).toBe('Someone asks you about their residence papers');
    const cards = path.cards as { kind: string; concepts?: string[] }[];
    expect(cards.map((c) => c.kind)).toEqual(['situation', 'text', 'text', 'situation', 'quiz', 'text']);
    const linked = cards.flatMap((c) => c.concepts ?? []);
    const known = new Set((await thesaurusConcepts(database.db)).map((c) => c.id));
    // None of the words was dropped: all are in the glossary's first edition.
    expect(linked).toHaveLength(10);
    expect(linked.every((slug) => known.has(slug))).toBe(true);

    const visitor = new FormClient(app.t.app);
    const list = await visitor.get('/nl/learn');
    expect(list.body).toContain('Iemand vraagt je naar zijn verblijfspapieren');
    const start = await visitor.get(`/fr/learn/${demoPathSlug}`);
    expect(start.body).toContain('Parcours de démonstration');
    const started = await visitor.post(`/fr/learn/${demoPathSlug}/start`, {});
    const card = await visitor.get(String(started.headers.location));
    expect(card.body).toContain('Vous êtes à la carte 1 sur 6');
  });

  it('loads it at a later start of a database that has other paths but not it, and only once', async () => {
    const { database } = app.t;
    // A demo database whose moderators composed a path before the demo path existed.
    await database.pool.query('delete from learning_paths where slug = $1', [demoPathSlug]);
    await database.db.transaction((tx) =>
      insertPath(tx, {
        slug: 'our-own-path',
        title: { en: 'Our own path' },
        summary: {},
        organisationId: null,
        createdBy: null,
        now: new Date(),
      }),
    );
    const [a, b] = await Promise.all([
      loadDemoPath(database.db, new Date()),
      loadDemoPath(database.db, new Date()),
    ]);
    expect(a + b).toBe(1);
    expect(await loadDemoPath(database.db, new Date())).toBe(0);
    const { rows } = await database.pool.query(
      'select slug, is_demo, status from learning_paths order by slug',
    );
    expect(rows).toEqual([
      { slug: 'our-own-path', is_demo: false, status: 'draft' },
      { slug: demoPathSlug, is_demo: true, status: 'published' },
    ]);
  });
});
