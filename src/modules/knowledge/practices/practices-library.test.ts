// The library's copies per edition of the practices (practices-library.ts): a search's first pages,
// the related lists and the shared items are kept until a practice changes; a practice unpublished
// by this process is gone from them at once, one changed by another process once the edition is
// read again (the poll), and a cache that were not cleared would make these tests fail.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { createPractice } from './create-practice.ts';
import { PracticesEdition } from './practices-edition.ts';
import { keptPages, PracticesLibrary, practicesLibrary } from './practices-library.ts';
import { publishPractice } from './publish-practice.ts';
import { unpublishPractice } from './unpublish-practice.ts';

let database: TestDatabase;
let member: Actor;
let items: Record<string, string>;

async function sql(text: string, values: unknown[] = []) {
  return (await database.pool.query(text, values)).rows;
}

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const [{ id: org }] = await sql(`select id from organisations where kind = 'formal' limit 1`);
  const userId = randomUUID();
  await sql(
    `insert into users (id, email, name, password_hash, email_verified_at, platform_role)
     values ($1, $2, 'P', 'x', now(), 'member')`,
    [userId, `${userId}@example.org`],
  );
  await sql(`insert into memberships (user_id, organisation_id, roles) values ($1, $2, '{referrer}')`, [
    userId,
    org,
  ]);
  member = { userId, email: `${userId}@example.org`, emailVerified: true, platformRole: 'member' };
  items = Object.fromEntries(
    (await sql('select id, code from worksheet_items where code is not null')).map((r) => [r.code, r.id]),
  );
}, 60_000);
afterAll(() => database.drop());

const ctx = () => ({
  db: database.db,
  actor: member,
  now: new Date(),
  origin: 'https://p.test',
  locale: 'en' as const,
  ip: '127.0.0.1',
  mailQueued: () => {},
});

async function published(title: string): Promise<{ id: string; slug: string }> {
  const made = await createPractice(ctx(), {
    title: { en: title },
    summary: { en: 'A summary long enough for the library.' },
    story: { en: 'What we did together, and what we learnt from it.' },
    organisations: '',
    themes: ['housing'],
    communes: ['21004'],
    contactName: 'Amina',
    contactWay: 'amina@example.org',
    links: '',
    chosen: { obstacle: [items.language_barrier!], lever: [items.interpreters!], tool: [] },
    added: { obstacle: '', lever: '', tool: '' },
  });
  await publishPractice(ctx(), made.id);
  return made;
}

const search = { theme: 'housing', page: 1, perPage: 100 };
const slugs = async (library: PracticesLibrary) => (await library.search(search)).hits.map((h) => h.slug);
const related = (library: PracticesLibrary, id: string) =>
  library.related({ id, themes: ['housing'], obstacles: [], levers: [], tools: [] }, 100);

describe('the library kept per edition of the practices', () => {
  it('keeps a search until a practice changes, and drops an unpublished one at once', async () => {
    const library = practicesLibrary(database.db);
    const first = await published('Kept practice one');
    await expect(slugs(library)).resolves.toContain(first.slug);
    // Kept: a change made behind the library's back (no use case, no poll) is not read yet.
    await sql(`update practices set title = '{"en": "Renamed"}' where id = $1`, [first.id]);
    const again = await library.search(search);
    expect(again.hits.find((h) => h.id === first.id)?.title).toEqual({ en: 'Kept practice one' });

    const second = await published('Kept practice two');
    // Publishing through the use case moved the edition: both are there, with the new title.
    const hits = (await library.search(search)).hits;
    expect(hits.map((h) => h.slug)).toEqual(expect.arrayContaining([first.slug, second.slug]));
    expect(hits.find((h) => h.id === first.id)?.title).toEqual({ en: 'Renamed' });
    expect((await related(library, 'none')).map((r) => r.slug)).toContain(second.slug);

    expect((await library.practice(second.slug))?.status).toBe('published');
    await unpublishPractice(ctx(), second.id);
    expect((await library.practice(second.slug))?.status).toBe('unpublished');
    await expect(slugs(library)).resolves.not.toContain(second.slug);
    expect((await related(library, 'none')).map((r) => r.slug)).not.toContain(second.slug);
    await expect(slugs(library)).resolves.toContain(first.slug);
  });

  it('drops a practice another process unpublished once the edition is read again', async () => {
    // A process of its own: its library knows nothing of this process's use cases.
    const edition = new PracticesEdition(database.db);
    const library = new PracticesLibrary(database.db, edition);
    await edition.check();
    const practice = await published('Seen by another process');
    await expect(slugs(library)).resolves.toContain(practice.slug);
    expect((await library.sharedItems()).map((i) => i.id)).toContain(items.language_barrier);

    await sql(`update practices set status = 'unpublished', updated_at = now() where id = $1`, [practice.id]);
    // Until its poll reads the fingerprint, the copy stays (this is what the poll is for).
    await expect(slugs(library)).resolves.toContain(practice.slug);
    await edition.check();
    await expect(slugs(library)).resolves.not.toContain(practice.slug);
    expect((await related(library, 'none')).map((r) => r.slug)).not.toContain(practice.slug);
    await edition.close();
  });

  it('reads the shared items again when a moderator translated one elsewhere (no practice changed)', async () => {
    const edition = new PracticesEdition(database.db);
    const library = new PracticesLibrary(database.db, edition);
    await edition.check();
    const label = async () =>
      (await library.sharedItems()).find((i) => i.id === items.interpreters)?.labels.en;
    const before = await label();
    await sql(
      `update worksheet_items set labels = labels || '{"en": "Community interpreters"}' where id = $1`,
      [items.interpreters],
    );
    await edition.check();
    expect(await label()).toBe('Community interpreters');
    expect(before).not.toBe('Community interpreters');
    await edition.close();
  });

  it('reads the pages after the kept ones each time', async () => {
    const library = practicesLibrary(database.db);
    for (let i = 0; i <= keptPages; i++) await published(`Many ${i}`);
    const late = { page: keptPages + 1, perPage: 1 };
    const [before] = (await library.search(late)).hits;
    expect(before).toBeDefined();
    await sql(`update practices set title = '{"en": "Late change"}' where id = $1`, [before!.id]);
    expect((await library.search(late)).hits[0]?.title).toEqual({ en: 'Late change' });
  });
});
