// The directory's lists from the search index give what the SQL lists give, in the same order, with
// the same totals, for every filter the directory and the API take; a change reaches them as soon as
// the index has it; before the index is ready, the lists come from PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { LiveSearchIndex } from '../../search/live-index.ts';
import type { DirectoryFilters } from '../directory.repo.ts';
import { countOrganisationsWithoutServices, listOrganisations, listServices } from '../directory.service.ts';
import { directorySearchSource } from '../search/directory-source.ts';
import { type IndexLists, indexListsOf } from './index-lists.ts';
import { listOrganisationsPage, listServicesPage } from './lists.service.ts';

let database: TestDatabase;
let live: LiveSearchIndex;
let lists: IndexLists;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  live = new LiveSearchIndex(database, [directorySearchSource], { pollMs: 60_000 });
  await live.ready;
  lists = indexListsOf(live);
});

afterAll(async () => {
  await live.close();
  await database.drop();
});

const all = { page: 1, perPage: 100_000 };

async function filterSets(): Promise<DirectoryFilters[]> {
  const rows = async (query: ReturnType<typeof sql>) =>
    (await database.db.execute<{ v: string }>(query)).rows.map((r) => r.v);
  const themes = await rows(sql`select code as v from taxonomy_terms order by code`);
  const communes = await rows(
    sql`select distinct commune_nis as v from locations where commune_nis is not null`,
  );
  const languages = await rows(sql`select distinct unnest(languages) as v from services order by 1 limit 8`);
  const kinds = await rows(sql`select distinct kind::text as v from organisations`);
  return [
    {},
    ...themes.map((theme) => ({ theme })),
    ...communes.map((commune) => ({ commune })),
    ...kinds.map((kind) => ({ kind })),
    ...languages.map((language) => ({ language })),
    { theme: themes[0], language: languages[0] },
    { commune: communes[0], kind: kinds[0] },
  ] as DirectoryFilters[];
}

describe('the directory’s lists from the search index', () => {
  it('give the organisations of the SQL lists, in their order, with their totals', async () => {
    expect(lists.ready).toBe(true);
    for (const filters of await filterSets()) {
      for (const withServices of [true, false]) {
        for (const locale of ['nl', 'fr', 'en'] as Locale[]) {
          const chosen = { ...filters, withServices };
          const expected = await listOrganisations(database.db, chosen, all, locale);
          const { ids, withoutServices } = lists.organisations(chosen, locale);
          const label = JSON.stringify([chosen, locale]);
          expect(ids, label).toEqual(expected.items.map((o) => o.id));
          if (withServices && locale === 'nl')
            expect(withoutServices, label).toBe(
              await countOrganisationsWithoutServices(database.db, filters),
            );
        }
      }
    }
  });

  it('give the services of the SQL lists by id, and the same pages', async () => {
    for (const filters of await filterSets()) {
      const expected = await listServices(database.db, filters, all);
      expect(lists.services(filters), JSON.stringify(filters)).toEqual(expected.items.map((s) => s.id));
    }
    const page = { page: 3, perPage: 7 };
    expect(await listServicesPage(database.db, lists, {}, page)).toEqual(
      await listServices(database.db, {}, page),
    );
    const { page: organisations } = await listOrganisationsPage(
      database.db,
      lists,
      { withServices: true },
      page,
      'fr',
    );
    expect(organisations).toEqual(await listOrganisations(database.db, { withServices: true }, page, 'fr'));
  });

  it('follow a change once the index has it, and come from PostgreSQL before the index is ready', async () => {
    const before = lists.organisations({ withServices: false }, 'en').ids.length;
    await database.db.execute(sql`insert into organisations (name, description, kind)
      values ('{"en":"Aaaa index lists test"}', '{"en":"x"}', 'citizen_initiative')`);
    await live.refresh();
    const after = lists.organisations({ withServices: false }, 'en');
    expect(after.ids.length).toBe(before + 1);

    const notReady = { ready: false } as IndexLists;
    const filters = { withServices: true, theme: 'housing' };
    expect(await listOrganisationsPage(database.db, notReady, filters, all, 'nl')).toEqual({
      page: await listOrganisations(database.db, filters, all, 'nl'),
      withoutServices: await countOrganisationsWithoutServices(database.db, filters),
    });
    expect(await listServicesPage(database.db, notReady, { commune: '21004' }, all)).toEqual(
      await listServices(database.db, { commune: '21004' }, all),
    );
  });

  it('count an organisation in a commune where only a place of its own, serving no service, is', async () => {
    const { rows } = await database.pool.query<{ id: string; commune: string }>(`
      select o.id, c.nis as commune from organisations o
      cross join (values ('21017'), ('21019'), ('21021')) as c(nis)
      where exists (select 1 from services s where s.organisation_id = o.id and s.status = 'active')
        and not exists (select 1 from locations l where l.organisation_id = o.id and l.commune_nis = c.nis)
      limit 1`);
    const { id, commune } = rows[0]!;
    await database.pool.query(`insert into locations (organisation_id, commune_nis) values ($1, $2)`, [
      id,
      commune,
    ]);
    await live.refresh();
    const filters = { commune, withServices: true };
    const expected = await listOrganisations(database.db, filters, all, 'fr');
    expect(expected.items.map((o) => o.id)).toContain(id);
    expect(lists.organisations(filters, 'fr').ids).toEqual(expected.items.map((o) => o.id));
  });
});
