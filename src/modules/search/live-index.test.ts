// The live index's re-index after a glossary change, with a made-up source of 450 organisations
// (three slices of 200) which all use the glossary word the test adds first (and so all have its
// concept): a slice that fails stops it, and the next try for the same edition goes on from that
// slice rather than from the first; a newer edition starts again from the first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGlossaryLabel } from '../../../test/helpers/glossary.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import type { SearchDoc } from './engine/search-types.ts';
import { LiveSearchIndex } from './live-index.ts';
import { analyseI18n } from './other-doc.ts';
import type { SearchSource } from './search-source.ts';

const owners = Array.from(
  { length: 450 },
  (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
);

const doc = (owner: string): SearchDoc => ({
  type: 'organisation',
  id: owner,
  organisationId: owner,
  name: { nl: `Dienst ${owner.slice(-3)}` },
  organisationName: {},
  description: {},
  kind: 'formal',
  verified: false,
  lastConfirmedAt: null,
  themes: [],
  communes: [],
  quartiers: [],
  points: [],
  languages: [],
  phone: null,
  targetGroups: [],
  access: [],
  evening: false,
  weekend: false,
  weekly: [],
  exceptions: [],
  closedOnPublicHolidays: false,
  trust: 1,
  // Analysed as the sources do: the glossary's words tag it.
  fields: {
    title: analyseI18n({ nl: `Dienst ${owner.slice(-3)}` }).join(' '),
    organisation: '',
    themes: '',
    place: '',
    description: '',
  },
});

/** The owners of each slice asked for, in order; the request numbered `failAt` (1 = the first) fails. */
const asked: string[][] = [];
let failAt: number | null = null;

const source: SearchSource = {
  name: 'made-up',
  channel: 'made_up_changed',
  async documents(_db, ownerIds) {
    if (ownerIds) {
      asked.push(ownerIds);
      if (asked.length === failAt) throw new Error('the database went away');
    }
    return (ownerIds ?? owners).map(doc);
  },
  latestChange: async () => '0',
  changesSince: async (_db, cursor) => ({ ownerIds: [], until: cursor }),
  pruneChanges: async () => {},
};

let database: TestDatabase;
let live: LiveSearchIndex;
const errors: unknown[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
  live = new LiveSearchIndex(database, [source], {
    pollMs: 600_000,
    listen: false,
    onError: (error) => errors.push(error),
  });
  await live.ready;
});

afterAll(async () => {
  await live.close();
  await database.drop();
});

/** A new word in the glossary, and what the next poll (refreshGlossary) asks for, failing at `fail`. */
async function glossaryChange(word: string | null, fail: number | null): Promise<string[][]> {
  if (word)
    await addGlossaryLabel(
      database.pool,
      { slug: 'schuldbemiddeling', language: 'nl', text: word },
      { announce: false },
    );
  asked.length = 0;
  failAt = fail;
  await live.refreshGlossary();
  return asked.map((slice) => [...slice]);
}

describe('a re-index that fails half-way', () => {
  it('goes on from the slice that failed at the next poll of the same edition', async () => {
    // A word every document uses: each is read again.
    const first = await glossaryChange('dienst', 2);
    expect(first.map((s) => s.length)).toEqual([200, 200]);
    expect(errors).toHaveLength(1);

    // The same edition: the failed slice and the one after it, not the first again.
    const retried = await glossaryChange(null, null);
    expect(retried).toEqual([first[1], owners.filter((o) => !first.flat().includes(o))]);
    // Done: the next poll has nothing to do.
    expect(await glossaryChange(null, null)).toEqual([]);
    // No document was lost on the way.
    expect(live.index.count).toBe(owners.length);
  });

  it('starts again from the first slice for a newer edition', async () => {
    const failed = await glossaryChange('dienstwoordje', 3);
    expect(failed.map((s) => s.length)).toEqual([200, 200, 50]);
    const newer = await glossaryChange('dienstwoordeke', null);
    expect(newer.map((s) => s.length)).toEqual([200, 200, 50]);
    expect(new Set(newer.flat()).size).toBe(owners.length);
  });
});
