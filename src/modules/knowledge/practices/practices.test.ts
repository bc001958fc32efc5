// The practices' use cases against a real PostgreSQL: writing a draft with items from the shared
// lists and new ones (folded, so no twin is made), changing, publishing, unpublishing, featuring,
// each with its audit entry; who may do what; bad input refused with field codes and nothing stored.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import type { PracticeInput } from './check-practice.ts';
import { createPractice } from './create-practice.ts';
import { editPractice } from './edit-practice.ts';
import { featurePractice } from './feature-practice.ts';
import { findPractice, insertPractice, newSlug } from './practices.repo.ts';
import { practicePageCap, searchPractices } from './search-practices.ts';
import { listSharedItems } from './worksheet-items.ts';
import { publishPractice } from './publish-practice.ts';
import { unpublishPractice } from './unpublish-practice.ts';

let database: TestDatabase;
let org: string;
let otherOrg: string;
let informal: string;
let member: Actor;
let outsider: Actor;
let moderator: Actor;
const items: Record<string, string> = {};

async function sql(text: string, values: unknown[] = []) {
  return (await database.pool.query(text, values)).rows;
}
async function person(platformRole: Actor['platformRole'], organisation?: string): Promise<Actor> {
  const userId = randomUUID();
  const email = `${userId}@example.org`;
  await sql(
    `insert into users (id, email, name, password_hash, email_verified_at, platform_role) values ($1, $2, 'P', 'x', now(), $3)`,
    [userId, email, platformRole],
  );
  if (organisation)
    await sql(`insert into memberships (user_id, organisation_id, roles) values ($1, $2, '{referrer}')`, [
      userId,
      organisation,
    ]);
  return { userId, email, emailVerified: true, platformRole };
}

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  [{ id: org }, { id: otherOrg }] = await sql(
    `select id from organisations where kind = 'formal' order by provenance_id limit 2`,
  );
  [{ id: informal }] = await sql(`select id from organisations where kind <> 'formal' limit 1`);
  member = await person('member', org);
  outsider = await person('member', otherOrg);
  moderator = await person('moderator');
  for (const row of await sql('select id, code from worksheet_items where code is not null'))
    items[row.code] = row.id;
}, 60_000);
afterAll(() => database.drop());

const ctx = (actor: Actor, locale: 'nl' | 'fr' | 'en' = 'en') => ({
  db: database.db,
  actor,
  now: new Date(),
  origin: 'https://p.test',
  locale,
  ip: '127.0.0.1',
  mailQueued: () => {},
});
const input = (over: Partial<PracticeInput> = {}): PracticeInput => ({
  title: { nl: 'Samen een buurtwinkel openhouden', fr: 'Garder ensemble une épicerie de quartier' },
  summary: { nl: 'Een zelforganisatie en een CAW delen een ruimte.' },
  story: { fr: 'Nous partageons un local et des interprètes.' },
  organisations: `https://p.test/fr/organisations/${informal}\n`,
  themes: ['housing'],
  communes: ['21004'],
  contactName: 'Amina',
  contactWay: 'amina@example.org',
  links: 'https://example.org/verslag',
  chosen: { obstacle: [items.language_barrier!], lever: [items.interpreters!], tool: [] },
  added: { obstacle: 'Geen vaste  ruimte voor de werking', lever: '', tool: 'Een gedeelde agenda' },
  ...over,
});
async function refused(run: Promise<unknown>, code = 'VALIDATION_FAILED'): Promise<string[]> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return ((error as AppError).fields ?? []).map((f) => `${f.field}:${f.code}`);
}
const counts = async () =>
  (
    await sql(`select (select count(*)::int from practices) as practices,
      (select count(*)::int from worksheet_items) as items,
      (select count(*)::int from audit_log where event like 'knowledge.%') as audit`)
  )[0];

const noItems = { obstacle: [], lever: [], tool: [] };
const noAdded = { obstacle: '', lever: '', tool: '' };

describe('practices', () => {
  it('writes a draft with chosen and new items, its organisations’ kinds and its terms, audited', async () => {
    const { id, slug } = await createPractice(ctx(member, 'nl'), input());
    expect(slug).toMatch(/^samen-een-buurtwinkel-openhouden-[0-9a-f]{6}$/);
    const [row] = await sql('select * from practices where id = $1', [id]);
    expect(row.status).toBe('draft');
    expect(row.organisation_id).toBe(org);
    expect(row.organisation_ids).toEqual([informal]);
    expect(row.organisation_kinds).toContain('formal');
    expect(row.organisation_kinds.length).toBe(2);
    expect(row.obstacles[0]).toBe(items.language_barrier);
    expect(row.obstacles).toHaveLength(2);
    const [added] = await sql('select labels, folded, created_by from worksheet_items where id = $1', [
      row.obstacles[1],
    ]);
    expect(added).toEqual({
      labels: { nl: 'Geen vaste ruimte voor de werking' },
      folded: ['geen vaste ruimte voor de werking'],
      created_by: member.userId,
    });
    // Its terms hold the stems of both languages and the thesaurus' concepts.
    const [{ terms }] = await sql('select search_terms::text as terms from practices where id = $1', [id]);
    expect(terms).toContain('buurtwinkel');
    expect(terms).toContain('interpret');
    const [audit] = await sql(`select event, subject_id from audit_log where subject_id = $1`, [id]);
    expect(audit.event).toBe('knowledge.practice_created');

    // The same new item typed again, otherwise written, is the one already there.
    const again = await createPractice(
      ctx(member, 'fr'),
      input({ added: { obstacle: 'GEEN vaste ruimte voor de werking!', lever: '', tool: '' } }),
    );
    const [second] = await sql('select obstacles from practices where id = $1', [again.id]);
    expect(second.obstacles[1]).toBe(row.obstacles[1]);
    // And a seeded item typed in French is the seeded one.
    const third = await createPractice(
      ctx(member, 'fr'),
      input({
        chosen: { obstacle: [], lever: [], tool: [] },
        added: { obstacle: 'barrière de la langue', lever: '', tool: '' },
      }),
    );
    expect((await sql('select obstacles from practices where id = $1', [third.id]))[0].obstacles).toEqual([
      items.language_barrier,
    ]);
  });

  it('refuses bad input with field codes, storing nothing', async () => {
    const before = await counts();
    const many = Array.from({ length: 500 }, (_, i) => `Obstacle number ${i}`).join('\n');
    expect(
      await refused(createPractice(ctx(member), input({ added: { obstacle: many, lever: '', tool: '' } }))),
    ).toEqual(['obstacles:practice_items_many']);
    expect(
      await refused(
        createPractice(
          ctx(member),
          input({
            title: { nl: '  ', fr: '' },
            links: 'javascript:alert(1)',
            organisations: `https://p.test/fr/organisations/${randomUUID()}`,
            themes: ['not-a-theme'],
            chosen: { obstacle: [items.interpreters!], lever: [], tool: [] },
            added: { obstacle: '', lever: 'ab', tool: '' },
          }),
        ),
      ),
    ).toEqual([
      'title:practice_title_missing',
      'themes:practice_themes',
      'links:practice_link_bad',
      // A lever is not an obstacle.
      'obstacles:practice_item_unknown',
      'new_levers:practice_item_label_length',
      'organisations:practice_organisation_unknown',
    ]);
    expect(
      await refused(
        createPractice(
          ctx(member),
          input({ links: Array.from({ length: 11 }, (_, i) => `https://e.org/${i}`).join('\n') }),
        ),
      ),
    ).toEqual(['links:practice_links_many']);
    expect(await refused(createPractice(ctx(member), input({ title: { en: 'x'.repeat(201) } })))).toEqual([
      'title.en:practice_title_length',
    ]);
    expect(await refused(createPractice(ctx(member), input({ organisationId: otherOrg })))).toEqual([
      'organisation:practice_owner',
    ]);
    expect(await counts()).toEqual(before);
    // Someone of no organisation writes none.
    expect(await refused(createPractice(ctx(moderator), input()), 'FORBIDDEN')).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('lets the organisation change and publish it, others not; moderators feature and unpublish', async () => {
    const { id } = await createPractice(ctx(member), input());
    // Outsiders do not see a draft; the moderator does but does not write it.
    await refused(editPractice(ctx(outsider), id, input()), 'PRACTICE_NOT_FOUND');
    await refused(publishPractice(ctx(outsider), id), 'PRACTICE_NOT_FOUND');
    await refused(editPractice(ctx(moderator), id, input()), 'FORBIDDEN');
    await refused(featurePractice(ctx(moderator), id, true), 'PRACTICE_NOT_PUBLISHED');
    // A bad change leaves it as it was.
    await refused(editPractice(ctx(member), id, input({ title: {} })));
    expect((await sql('select title, edited_at from practices where id = $1', [id]))[0].edited_at).toBeNull();

    await editPractice(
      ctx(member),
      id,
      input({ title: { en: 'Keeping a neighbourhood shop open together' } }),
    );
    expect((await sql('select title from practices where id = $1', [id]))[0].title).toEqual({
      en: 'Keeping a neighbourhood shop open together',
    });
    await publishPractice(ctx(member), id);
    await refused(featurePractice(ctx(member), id, true), 'FORBIDDEN');
    await featurePractice(ctx(moderator), id, true);
    expect((await sql('select status, featured from practices where id = $1', [id]))[0]).toEqual({
      status: 'published',
      featured: true,
    });
    // Published: outsiders see it, but change nothing.
    await refused(unpublishPractice(ctx(outsider), id), 'FORBIDDEN');
    await refused(editPractice(ctx(outsider), id, input()), 'FORBIDDEN');
    await unpublishPractice(ctx(moderator), id);
    expect(
      (await sql('select status, featured, unpublished_by from practices where id = $1', [id]))[0],
    ).toEqual({
      status: 'unpublished',
      featured: false,
      unpublished_by: moderator.userId,
    });
    // Taken off by a moderator: a moderator puts it back (see the test below for the organisation).
    await publishPractice(ctx(moderator), id);
    await unpublishPractice(ctx(member), id);
    const events = await sql(`select event, details from audit_log where subject_id = $1 order by id`, [id]);
    expect(events.map((e) => e.event)).toEqual([
      'knowledge.practice_created',
      'knowledge.practice_edited',
      'knowledge.practice_published',
      'knowledge.practice_featured',
      'knowledge.practice_unpublished',
      'knowledge.practice_published',
      'knowledge.practice_unpublished',
    ]);
    expect(events[4].details).toEqual({ by: 'moderator' });
  });
});

describe('practices: taken off by a moderator', () => {
  it('is published again only by a moderator, the organisation refused; who took it off is kept', async () => {
    const { id } = await createPractice(ctx(member), input());
    await publishPractice(ctx(member), id);
    await unpublishPractice(ctx(moderator), id);
    await refused(publishPractice(ctx(member), id), 'PRACTICE_TAKEN_DOWN');
    await refused(publishPractice(ctx(outsider), id), 'PRACTICE_NOT_FOUND');
    const row = async () =>
      (await sql('select status, unpublished_by from practices where id = $1', [id]))[0];
    expect(await row()).toEqual({ status: 'unpublished', unpublished_by: moderator.userId });
    await publishPractice(ctx(moderator), id);
    expect(await row()).toEqual({ status: 'published', unpublished_by: moderator.userId });
    // Taken off by the organisation itself: the organisation publishes it again; a moderator does not.
    await unpublishPractice(ctx(member), id);
    await refused(publishPractice(ctx(moderator), id), 'FORBIDDEN');
    await publishPractice(ctx(member), id);
    expect(await row()).toEqual({ status: 'published', unpublished_by: member.userId });
    const events = await sql(
      `select details from audit_log where subject_id = $1 and event = 'knowledge.practice_published' order by id`,
      [id],
    );
    expect(events.map((e) => e.details)).toEqual([
      { from: 'draft' },
      { from: 'unpublished', by: 'moderator' },
      { from: 'unpublished' },
    ]);
  });
});

describe('practices: links', () => {
  it('stores links as browsers follow them, and refuses those with a user name or password', async () => {
    const typed =
      'https:example.org/report\nhttps://example.org/?a="><script>alert(1)</script>\nHTTP://Example.ORG';
    const { id } = await createPractice(ctx(member), input({ links: typed }));
    expect((await sql('select links from practices where id = $1', [id]))[0].links).toEqual([
      'https://example.org/report',
      'https://example.org/?a=%22%3E%3Cscript%3Ealert(1)%3C/script%3E',
      'http://example.org/',
    ]);
    const before = await counts();
    for (const link of [
      'https://user:secret@example.org/',
      'https://user@example.org/',
      'https://:pw@example.org',
    ])
      expect(await refused(createPractice(ctx(member), input({ links: link }))), link).toEqual([
        'links:practice_link_bad',
      ]);
    expect(await counts()).toEqual(before);
  });
});

describe('practices: the library’s pages', () => {
  it('offers no page after the last one may ask for', async () => {
    await sql(
      `insert into practices (slug, organisation_id, status, title, published_at, search_terms)
       select 'bulk-' || g, $1, 'published', '{"en":"Bulk practice"}', now() - g * interval '1 minute', ''::tsvector
       from generate_series(1, 1005) g`,
      [org],
    );
    try {
      const page = (n: number) => searchPractices(database.db, { page: n, perPage: 20 });
      expect((await page(practicePageCap - 1)).more).toBe(true);
      const last = await page(practicePageCap);
      expect([last.hits.length, last.more]).toEqual([20, false]);
    } finally {
      await sql(`delete from practices where slug like 'bulk-%'`);
    }
  });
});

describe('practices: items of drafts', () => {
  it('keeps an item typed in a draft its organisation’s until the practice is published', async () => {
    const secret = { obstacle: 'Geheime drempel Q7', lever: '', tool: '' };
    const draft = await createPractice(ctx(member, 'nl'), input({ chosen: noItems, added: secret }));
    const [{ obstacles }] = await sql('select obstacles from practices where id = $1', [draft.id]);
    const [item] = obstacles as string[];
    const outsiderInput = (over: Partial<PracticeInput>) =>
      input({ chosen: noItems, added: noAdded, ...over });
    // Ticked by its id, it is unknown to an outsider, and not shown back on their form.
    const ticked = { ...noItems, obstacle: [item!] };
    expect(await refused(createPractice(ctx(outsider), outsiderInput({ chosen: ticked })))).toEqual([
      'obstacles:practice_item_unknown',
    ]);
    const shown = async (orgs: string[]) =>
      (await listSharedItems(database.db, [item!], { organisationIds: orgs })).some((i) => i.id === item);
    expect([await shown([otherOrg]), await shown([org])]).toEqual([false, true]);
    // Typed again, the outsider gets an item of their own; the organisation's members, the same one.
    const typed = { ...noAdded, obstacle: 'geheime   drempel q7' };
    const theirs = await createPractice(ctx(outsider), outsiderInput({ added: typed }));
    const ours = await createPractice(ctx(member), outsiderInput({ added: typed }));
    const itemOf = async (id: string) =>
      (await sql('select obstacles from practices where id = $1', [id]))[0].obstacles[0];
    expect(await itemOf(theirs.id)).not.toBe(item);
    expect(await itemOf(ours.id)).toBe(item);
    // Published, it is everyone's.
    await publishPractice(ctx(member), draft.id);
    expect(await shown([otherOrg])).toBe(true);
    await createPractice(ctx(outsider), outsiderInput({ chosen: ticked }));
  });
});

describe('practices: addresses', () => {
  it('makes an address of a–z, 0–9 and dashes of any title, found again by it', async () => {
    for (const [title, start] of [
      ['Kadınlar coffee hour with Łukasz', /^kad-nlar-coffee-hour-with-ukasz-[0-9a-f]{6}$/],
      ['مساعدة الجيران', /^practice-[0-9a-f]{6}$/],
      ['Søren’s ø-café', /^s-ren-s-cafe-[0-9a-f]{6}$/],
    ] as const) {
      const slug = newSlug({ en: title });
      expect(slug, title).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(slug, title).toMatch(start);
    }
    const { id, slug } = await createPractice(ctx(member), input({ title: { en: 'Kadınlar coffee hour' } }));
    expect((await findPractice(database.db, slug))?.id).toBe(id);
  });

  it('tries another address when the one made is taken', async () => {
    const { slug: taken } = await createPractice(ctx(member), input());
    const made = [taken, taken, 'a-fresh-address-0a0b0c'];
    const { id } = await insertPractice(
      database.db,
      { organisationId: org, status: 'draft', title: { en: 'Twice the same address' } },
      () => made.shift()!,
    );
    expect((await sql('select slug from practices where id = $1', [id]))[0].slug).toBe(
      'a-fresh-address-0a0b0c',
    );
    expect(made).toEqual([]);
  });
});
