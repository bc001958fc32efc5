// A published practice's page from the library's copies (practices-library.ts, presented-practice.ts):
// an anonymous reader costs no query at all once the page was read, a signed-in one only the reading
// of their memberships. Privacy first: an attachment removed and a practice a moderator took down
// are gone from the page as soon as the edition moves (at once in the process that made the change,
// at the next poll in the others, here `edition.check()`), even when the change touched nothing
// but the attachments' table; the directory's part (an organisation's name) is read again after
// `directoryMs`. Each test would fail if the copies were served past the edition or the time.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectDatabase, type DatabaseConnection } from '../../../db/client.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { createPractice } from './create-practice.ts';
import { practicePageData } from './practice-page-data.ts';
import { PracticesEdition } from './practices-edition.ts';
import { directoryMs, PracticesLibrary, practicesLibrary } from './practices-library.ts';
import { publishPractice } from './publish-practice.ts';
import { removeAttachment } from './remove-attachment.ts';
import { unpublishPractice } from './unpublish-practice.ts';

let database: TestDatabase;
let member: Actor;
let moderator: Actor;
let org: string;
let interpreters: string;

async function sql(text: string, values: unknown[] = []) {
  return (await database.pool.query(text, values)).rows;
}

async function person(role: 'member' | 'moderator'): Promise<Actor> {
  const userId = randomUUID();
  await sql(
    `insert into users (id, email, name, password_hash, email_verified_at, platform_role)
     values ($1, $2, 'P', 'x', now(), $3)`,
    [userId, `${userId}@example.org`, role],
  );
  return { userId, email: `${userId}@example.org`, emailVerified: true, platformRole: role };
}

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  [{ id: org }] = await sql(`select id from organisations where kind = 'formal' limit 1`);
  member = await person('member');
  moderator = await person('moderator');
  await sql(`insert into memberships (user_id, organisation_id, roles) values ($1, $2, '{referrer}')`, [
    member.userId,
    org,
  ]);
  [{ id: interpreters }] = await sql(`select id from worksheet_items where code = 'interpreters'`);
}, 60_000);
afterAll(() => database.drop());
afterEach(() => vi.useRealTimers());

const ctx = (actor: Actor) => ({
  db: database.db,
  actor,
  now: new Date(),
  origin: 'https://p.test',
  locale: 'en' as const,
  ip: '127.0.0.1',
  mailQueued: () => {},
});

/** A published practice of the member's organisation with one attachment (its id). */
async function published(title: string) {
  const made = await createPractice(ctx(member), {
    title: { en: title },
    summary: { en: 'A summary long enough for the library.' },
    story: { en: 'What we did together, and what we learnt from it.' },
    organisations: '',
    themes: ['housing'],
    communes: ['21004'],
    contactName: 'Amina',
    contactWay: 'amina@example.org',
    links: '',
    chosen: { obstacle: [], lever: [interpreters], tool: [] },
    added: { obstacle: '', lever: '', tool: '' },
  });
  const attachment = await attach(made.id, 'werkblad.pdf');
  await publishPractice(ctx(member), made.id);
  return { ...made, attachment };
}

/** An attachment written straight into its table (as another process or a repair would). */
async function attach(practiceId: string, fileName: string): Promise<string> {
  const data = Buffer.from('%PDF-1.7 not read here %%EOF');
  const [{ id }] = await sql(
    `insert into practice_attachments
       (practice_id, file_name, title, content_type, data, size, sha256, page_count, created_by, position)
     values ($1, $2, '{}', 'application/pdf', $3, $4, repeat('0', 64), 1, $5,
             (select coalesce(max(position) + 1, 0) from practice_attachments where practice_id = $1))
     returning id`,
    [practiceId, fileName, data, data.length, member.userId],
  );
  return id as string;
}

/** Another process: its own connections, library and edition (read only when asked here). */
async function otherProcess(): Promise<{
  connection: DatabaseConnection;
  library: PracticesLibrary;
  edition: PracticesEdition;
  queries: () => number;
}> {
  const connection = connectDatabase(database.url, { max: 3 });
  let count = 0;
  const query = connection.pool.query.bind(connection.pool);
  connection.pool.query = ((...args: Parameters<typeof query>) => {
    count++;
    return query(...args);
  }) as typeof connection.pool.query;
  const edition = new PracticesEdition(connection.db);
  await edition.check();
  return { connection, library: new PracticesLibrary(connection.db, edition), edition, queries: () => count };
}

const fileNames = (data: Awaited<ReturnType<typeof practicePageData>>) =>
  data.attachments.map((a) => a.fileName);

describe("a published practice's page from the library's copies", () => {
  it('costs an anonymous reader no query and a signed-in one one, once read', async () => {
    const practice = await published('Kept page');
    const other = await otherProcess();
    try {
      const page = (actor: Actor | null) =>
        practicePageData(other.connection.db, other.library, actor, practice.slug);
      const first = await page(null);
      expect(first.owner.name).not.toEqual({});
      expect(fileNames(first)).toEqual(['werkblad.pdf']);
      expect(first.lists.lever.map((i) => i.id)).toEqual([interpreters]);

      const before = other.queries();
      const again = await page(null);
      expect(other.queries() - before).toBe(0);
      expect(again.owner).toEqual(first.owner);
      expect(again.services).toEqual(first.services);
      expect(fileNames(again)).toEqual(['werkblad.pdf']);

      const signedIn = other.queries();
      const mine = await page(member);
      expect(other.queries() - signedIn).toBe(1);
      expect(mine.owns).toBe(true);
      const stranger = await page(moderator);
      expect(stranger.owns).toBe(false);
      expect(stranger.moderator).toBe(true);
    } finally {
      await other.edition.close();
      await other.connection.close();
    }
  });

  it('never lists an attachment removed or misses one added once the edition moved', async () => {
    const practice = await published('Attachments change');
    const other = await otherProcess();
    try {
      const page = () => practicePageData(other.connection.db, other.library, null, practice.slug);
      expect(fileNames(await page())).toEqual(['werkblad.pdf']);
      // Removed behind the practice's back: only the attachments' table changes.
      await sql('delete from practice_attachments where id = $1', [practice.attachment]);
      await other.edition.check();
      expect(fileNames(await page())).toEqual([]);
      await attach(practice.id, 'nieuw.pdf');
      await other.edition.check();
      expect(fileNames(await page())).toEqual(['nieuw.pdf']);
    } finally {
      await other.edition.close();
      await other.connection.close();
    }
  });

  it('lists no attachment its organisation removed, at once in the process that removed it', async () => {
    const practice = await published('Attachment removed here');
    const here = practicesLibrary(database.db);
    const page = () => practicePageData(database.db, here, null, practice.slug);
    expect(fileNames(await page())).toEqual(['werkblad.pdf']);
    await removeAttachment(ctx(member), practice.slug, practice.attachment);
    expect(fileNames(await page())).toEqual([]);
  });

  it('serves no practice a moderator took down, here at once and elsewhere after the poll', async () => {
    const practice = await published('Taken down');
    const other = await otherProcess();
    const here = practicesLibrary(database.db);
    try {
      const elsewhere = () => practicePageData(other.connection.db, other.library, null, practice.slug);
      const local = (actor: Actor | null) => practicePageData(database.db, here, actor, practice.slug);
      expect((await elsewhere()).practice.id).toBe(practice.id);
      expect((await local(null)).practice.id).toBe(practice.id);

      await unpublishPractice(ctx(moderator), practice.id);
      await expect(local(null)).rejects.toMatchObject({ code: 'PRACTICE_NOT_FOUND' });
      await expect(local(member)).resolves.toMatchObject({ takenDown: true, owns: true });
      await other.edition.check();
      await expect(elsewhere()).rejects.toMatchObject({ code: 'PRACTICE_NOT_FOUND' });
    } finally {
      await other.edition.close();
      await other.connection.close();
    }
  });

  it("reads the organisation's name again after directoryMs, without a new edition", async () => {
    const practice = await published('Renamed organisation');
    const other = await otherProcess();
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      const page = () => practicePageData(other.connection.db, other.library, null, practice.slug);
      const before = (await page()).owner.name;
      const [{ name }] = await sql('select name from organisations where id = $1', [org]);
      await sql(`update organisations set name = '{"en": "Renamed here"}' where id = $1`, [org]);
      expect((await page()).owner.name).toEqual(before);
      vi.setSystemTime(Date.now() + directoryMs + 1);
      expect((await page()).owner.name).toEqual({ en: 'Renamed here' });
      await sql('update organisations set name = $2 where id = $1', [org, name]);
    } finally {
      await other.edition.close();
      await other.connection.close();
    }
  });

  it('never keeps what a read begun before an edit found under the edition after it', async () => {
    const practice = await published('Edited while read');
    const other = await otherProcess();
    try {
      const [{ id: partner }] = await sql(`select id from organisations where id <> $1 order by id limit 1`, [
        org,
      ]);
      const old = (await other.library.practice(practice.slug))!;
      // The edit lands, and this process's poll sees it, while the old read is still under way.
      await sql('update practices set organisation_ids = array[$2::uuid], updated_at = now() where id = $1', [
        practice.id,
        partner,
      ]);
      await other.edition.check();
      await other.library.presented(old);
      const page = await practicePageData(other.connection.db, other.library, null, practice.slug);
      expect(page.organisations.map((o) => o.id)).toContain(partner);
    } finally {
      await other.edition.close();
      await other.connection.close();
    }
  });
});
