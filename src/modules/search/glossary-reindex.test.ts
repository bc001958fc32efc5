// A glossary change re-reads only the documents it can change (glossary-reindex.ts): after a new
// word, a word taken away, a new concept and a concept taken away, the index tags and finds exactly
// as an index built anew with the new edition does, and only the owners the change concerns were
// read again. A made-up source of 600 documents in nl, fr and en, some of them using glossary words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGlossaryLabel } from '../../../test/helpers/glossary.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { conceptToken, thesaurus } from './engine/thesaurus.ts';
import { searchFields } from './engine/search-types.ts';
import { affectedDocuments } from './glossary-reindex.ts';
import { LiveSearchIndex } from './live-index.ts';
import { otherDoc } from './other-doc.ts';
import type { SearchSource } from './search-source.ts';

const owners = Array.from(
  { length: 600 },
  (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
);

/** What document i says: mostly nothing the glossary knows; every tenth something it may. */
function textOf(i: number): { nl?: string; fr?: string; en?: string } {
  switch (i % 60) {
    case 0:
      return { nl: `Schuldhulp in de wijk ${i}` };
    case 10:
      return { fr: `Médiation de dettes pour tous ${i}` };
    case 20:
      return { nl: `De plorkwinkel van ${i}` };
    case 30:
      return { en: `Flat hunting with the Snorfgroep ${i}` };
    case 40:
      return { fr: `Crèche Zébulon ${i}` };
    case 50:
      return { fr: `Logement à louer et OCMW de proximité ${i}` };
    default:
      return { nl: `Activiteit ${i} in het buurthuis` };
  }
}

const asked: string[][] = [];
/** The slice read numbered `failAt` (1 = the first) fails. */
let failAt: number | null = null;
const source: SearchSource = {
  name: 'made-up',
  channel: 'made_up_changed',
  async documents(_db, ownerIds) {
    if (ownerIds) asked.push([...ownerIds]);
    if (ownerIds && asked.length === failAt) throw new Error('the database went away');
    return (ownerIds ?? owners).map((owner) => {
      const i = Number(owner.slice(-12));
      return otherDoc({
        type: 'event',
        id: owner,
        title: { nl: `Activiteit ${i}` },
        text: textOf(i),
        path: `/e/${i}`,
      });
    });
  },
  latestChange: async () => '0',
  changesSince: async (_db, cursor) => ({ ownerIds: [], until: cursor }),
  pruneChanges: async () => {},
};

let database: TestDatabase;
let live: LiveSearchIndex;
const options = { pollMs: 600_000, listen: false, snapshots: false } as const;

beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
  live = new LiveSearchIndex(database, [source], options);
  await live.ready;
});

afterAll(async () => {
  await live.close();
  await database.drop();
});

/** Each document's concepts, by id. */
function tags(index: LiveSearchIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const concept of thesaurus().concepts) {
    const holding = searchFields.map(() => new Set<number>());
    index.index.words.holders(conceptToken(concept.id), holding);
    for (const n of new Set(holding.flatMap((f) => [...f]))) {
      const id = index.index.documents[n]!.id;
      out.set(id, [...(out.get(id) ?? []), concept.id].sort());
    }
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

const queries = [
  'schuldbemiddeling',
  'debt counselling',
  'plorkwinkel',
  'housing search',
  'OCMW',
  'cpas',
  'snorfbegrip',
  'zebulon',
  'kinderopvang',
  'activiteit',
];
const results = (index: LiveSearchIndex) =>
  queries.map((text) =>
    index.index
      .search({ text, filters: {}, sort: 'relevance', offset: 0, limit: 1_000 })
      .hits.map((h) => h.doc.id)
      .sort(),
  );

/** Reads the change as the next poll would; the owners it read again, against an index made anew. */
async function applied(): Promise<string[]> {
  asked.length = 0;
  await live.refreshGlossary();
  const reread = asked.flat().sort();
  const fresh = new LiveSearchIndex(database, [source], options);
  try {
    await fresh.ready;
    expect(tags(live)).toEqual(tags(fresh));
    expect(results(live)).toEqual(results(fresh));
    expect(live.index.count).toBe(owners.length);
  } finally {
    await fresh.close();
  }
  return reread;
}

const ownersWith = (...cases: number[]) => owners.filter((_, i) => cases.includes(i % 60)).sort();

async function newVersion(slug: string): Promise<void> {
  await database.pool.query(
    `with c as (
       update glossary_concepts c set version = greatest(c.version,
         (select coalesce(max(v.version), 0) from glossary_versions v where v.concept_id = c.id)) + 1
       where c.slug = $1 returning c.id, c.version)
     insert into glossary_versions (concept_id, version, note, state)
     select id, version, 'A change by a test.', '{}'::jsonb from c`,
    [slug],
  );
}

describe('a glossary change', () => {
  it('re-reads the documents using a word given to a concept', async () => {
    await addGlossaryLabel(
      database.pool,
      { slug: 'schuldbemiddeling', language: 'nl', text: 'plorkwinkel' },
      { announce: false },
    );
    // Those using the new word; those tagged with the concept already (cases 0 and 10) keep it.
    expect(await applied()).toEqual(ownersWith(20));
  });

  it('re-reads the documents of the concept that lost a word', async () => {
    await database.pool.query(`delete from glossary_labels where text = 'schuldhulp' and language = 'nl'`);
    await newVersion('schuldbemiddeling');
    expect(await applied()).toEqual(ownersWith(0, 10, 20));
  });

  it('re-reads the documents using the words of a new concept, accents or not', async () => {
    const {
      rows: [concept],
    } = await database.pool.query<{ id: string }>(
      `insert into glossary_concepts (slug, definition) values ('snorf', '{}') returning id`,
    );
    await database.pool.query(
      `insert into glossary_labels (concept_id, language, kind, text, folded, position) values
       ($1, 'nl', 'preferred', 'snorfgroep', 'snorfgroep', 0), ($1, 'en', 'preferred', 'zebulon', 'zebulon', 0),
       ($1, 'en', 'synonym', 'proximite', 'proximite', 1)`,
      [concept!.id],
    );
    await newVersion('snorf');
    // "Crèche Zébulon" in French is tagged by the English "zebulon", as written; "proximité" by
    // "proximite", although the French stem of the one ("proxim") is not that of the other ("proximit").
    const reread = await applied();
    expect(reread).toEqual(ownersWith(30, 40, 50));
    expect(tags(live).get(ownersWith(40)[0]!)).toContain('snorf');
    expect(tags(live).get(ownersWith(50)[0]!)).toContain('snorf');
  });

  it('plans again at the next poll when working out what to read failed, the queue going on', async () => {
    const ownersOf = live.index.ownersOf;
    live.index.ownersOf = () => {
      throw new Error('the plan failed');
    };
    try {
      await addGlossaryLabel(
        database.pool,
        { slug: 'ocmw', language: 'nl', text: 'wijk' },
        { announce: false },
      );
      // Resolves (the re-index gave up) instead of leaving the queue on a rejected promise.
      await live.refreshGlossary();
    } finally {
      live.index.ownersOf = ownersOf;
    }
    // The same edition again at the next poll: planned anew, and the index as a fresh one.
    expect(await applied()).toEqual(expect.arrayContaining(ownersWith(0)));
  });

  it('takes the full re-index when looking the words up would read too much', async () => {
    const before = thesaurus().concepts;
    const now = before.map((c, i) =>
      i === 0 ? { ...c, terms: { ...c.terms, nl: [...(c.terms.nl ?? []), 'activiteit'] } } : c,
    );
    expect(await affectedDocuments(live.index, [before], now, 0)).toBeNull();
    expect((await affectedDocuments(live.index, [before], now))?.size).toBe(owners.length);
  });

  it('reads a word shared by many new concepts once, and looks for each by its rarest word', async () => {
    const before = thesaurus().concepts;
    // "Activiteit 0" … "Activiteit 99": every document has the common word, one in six hundred the number.
    const added = Array.from({ length: 100 }, (_, i) => ({
      id: `many-${i}`,
      terms: { nl: [`activiteit ${i}`], fr: [], en: [] },
      themes: [],
    }));
    // Each concept reading the postings of "activiteit" again would pass this budget many times over.
    const marked = await affectedDocuments(live.index, [before], [...before, ...added], 20_000);
    expect(marked).not.toBeNull();
    const ids = new Set([...marked!].map((n) => Number(live.index.documents[n]!.id.slice(-12))));
    expect([...ids].filter((i) => i >= 100)).toEqual([]);
    expect(ids.size).toBeGreaterThanOrEqual(90);
  });

  it('re-reads the documents of a concept taken away', async () => {
    await database.pool.query(`delete from glossary_concepts where slug = 'woning-zoeken'`);
    await newVersion('ocmw');
    const reread = await applied();
    expect(reread).toEqual(expect.arrayContaining(ownersWith(30, 50)));
    expect(reread.length).toBeLessThan(owners.length / 3);
  });

  it('re-reads nothing for many new concepts whose words no document has', async () => {
    const slugs = Array.from({ length: 300 }, (_, i) => `bench-concept-${i}`);
    await database.pool.query(
      `insert into glossary_concepts (slug, definition) select s, '{}' from unnest($1::text[]) s`,
      [slugs],
    );
    await database.pool.query(
      `insert into glossary_labels (concept_id, language, kind, text, folded, position)
       select c.id, l.lang, 'preferred', l.word || ' ' || substr(c.slug, 15), l.word || ' ' || substr(c.slug, 15), 0
       from glossary_concepts c, (values ('nl', 'proefbegrip'), ('fr', 'notion d''essai'), ('en', 'bench concept')) l(lang, word)
       where c.slug = any($1)`,
      [slugs],
    );
    await newVersion('bench-concept-0');
    // At most a few: "proximité 50" might, for all the index can tell, be an accented "proefbegrip 50"
    // (the same first letters, then no more than 4 others), so those few are read again.
    const reread = await applied();
    expect(reread.length).toBeLessThanOrEqual(5);
    expect(ownersWith(50)).toEqual(expect.arrayContaining(reread));
  });

  it('takes back the concept from documents tagged by a word of an edition whose re-index failed', async () => {
    const ocmw = () => tags(live).get(ownersWith(1)[0]!) ?? [];
    // Every document is named "Activiteit …": all are read again, and the second slice fails.
    await addGlossaryLabel(
      database.pool,
      { slug: 'ocmw', language: 'nl', text: 'activiteit' },
      { announce: false },
    );
    asked.length = 0;
    failAt = 2;
    await live.refreshGlossary();
    failAt = null;
    expect(asked.length).toBe(2);
    expect(ocmw()).toContain('ocmw');
    // The word goes again before the re-index was tried again: the first slice has it still.
    await database.pool.query(`delete from glossary_labels where text = 'activiteit'`);
    await newVersion('ocmw');
    const reread = await applied();
    expect(ocmw()).not.toContain('ocmw');
    expect(reread).toEqual(expect.arrayContaining(asked[0] ?? []));
  });
});
