// One process's copy of the glossary on a real database: read once, kept while the edition stays,
// read again in the background when an edition is noticed (pages meanwhile get the copy they had),
// exact for the exports, and none rather than an error for pages when the database cannot be read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { glossaryEdition } from '../concepts/thesaurus-concepts.ts';
import { GlossaryStore } from './glossary-store.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
});
afterAll(() => database?.drop());

const q = (text: string) => database.pool.query(text);

async function changeOcmwDefinition(text: string) {
  await q(`update glossary_concepts set definition = '{"en": "${text}"}'::jsonb where slug = 'ocmw'`);
  await q(`insert into glossary_versions (concept_id, version, note, state)
           select id, version + 1, 'test', '{}'::jsonb from glossary_concepts where slug = 'ocmw'`);
  await q(`update glossary_concepts set version = version + 1 where slug = 'ocmw'`);
}

const ocmw = (g: { snapshot: { concepts: { slug: string; definition: Record<string, string> }[] } }) =>
  g.snapshot.concepts.find((c) => c.slug === 'ocmw')!;

describe('the glossary’s copy in a process', () => {
  it('keeps one copy per edition, and reads a noticed edition in the background', async () => {
    const store = new GlossaryStore(database.db);
    const first = await store.kept();
    expect(first.snapshot.concepts).toHaveLength(364);
    expect(ocmw(first).slug).toBe('ocmw');
    expect(await store.kept()).toBe(first);
    // Made once per edition.
    let made = 0;
    first.derived('x', () => ++made);
    first.derived('x', () => ++made);
    expect(made).toBe(1);
    // Made by a promise: callers asking meanwhile share it; a failed one is made again.
    let builds = 0;
    const build = () => {
      builds++;
      return new Promise<string>((resolve, reject) =>
        setTimeout(() => (builds === 1 ? reject(new Error('went wrong')) : resolve('made')), 10),
      );
    };
    const [a, b] = [first.derived('y', build), first.derived('y', build)];
    expect(a).toBe(b);
    await expect(a).rejects.toThrow('went wrong');
    expect(await first.derived('y', build)).toBe('made');
    expect(await first.derived('y', build)).toBe('made');
    expect(builds).toBe(2);

    await changeOcmwDefinition('One');
    // Not noticed yet: the same copy, without a query.
    expect(await store.kept()).toBe(first);
    // The exports ask for the exact edition.
    const exact = await store.exact();
    expect(exact.snapshot.edition).toBe(await glossaryEdition(database.db));
    expect(ocmw(exact).definition.en).toBe('One');

    await changeOcmwDefinition('Two');
    store.noticeEdition(await glossaryEdition(database.db));
    let now = await store.kept();
    for (let i = 0; i < 50 && ocmw(now).definition.en !== 'Two'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      now = await store.kept();
    }
    expect(ocmw(now).definition.en).toBe('Two');
    // The same edition again changes nothing.
    store.noticeEdition(now.snapshot.edition);
    expect(await store.kept()).toBe(now);
  });

  it('gives pages no copy, and says so, when the glossary cannot be read', async () => {
    const errors: unknown[] = [];
    const broken = new GlossaryStore(
      {
        select: () => {
          throw new Error('database down');
        },
      } as never,
      (e) => errors.push(e),
    );
    expect(await broken.keptOrNone()).toBeNull();
    expect(errors).toHaveLength(1);
  });
});
