import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { citySubsidiesSource, parseCitySubsidyRecord } from '../import/city-subsidies-format.ts';
import { importOrganisations } from './import-organisations.ts';

const fixture = new URL(
  '../../../../test/fixtures/city-of-brussels-subsidy-beneficiaries-2022.json',
  import.meta.url,
);
const records: Record<string, string>[] = JSON.parse(readFileSync(fixture, 'utf8'));
const options = { source: citySubsidiesSource, parse: parseCitySubsidyRecord };

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase({ demo: false });
});
afterEach(() => database.drop());

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const { rows } = await database.db.execute<{ n: number }>(query);
  return rows[0]!.n;
}

describe('importOrganisations', () => {
  it('imports the 673 City of Brussels records, reports each rejected one, and changes nothing on a re-run', async () => {
    let lastProgress = 0;
    const first = await importOrganisations(database.db, records, {
      ...options,
      onProgress: (done) => (lastProgress = done),
    });
    expect(lastProgress).toBe(673);
    expect(first.rejected.map((r) => r.index)).toEqual([1, 345]);
    expect(first.rejected[0]!.problems).toEqual([
      {
        field: 'Le numéro de BCE du bénéficiaire de la subvention',
        message: '"0108.141.257" is not a valid KBO/BCE number (check digits)',
      },
    ]);
    expect(first.created).toBe(671);
    expect(await scalar(sql`select count(*)::int as n from organisations`)).toBe(671);

    // Provenance, commune and quartier are stored.
    const monnaie = await database.db.execute<{
      source: string;
      commune: string;
      quartier: number | null;
      name: string;
    }>(sql`
      select o.provenance_source as source, l.commune_nis as commune, l.quartier_code as quartier, o.name->>'fr' as name
      from organisations o join locations l on l.organisation_id = o.id where o.kbo_number = '0206492907'`);
    expect(monnaie.rows[0]).toEqual({
      source: citySubsidiesSource,
      commune: '21004',
      quartier: expect.any(Number),
      name: 'Théâtre Royal de la Monnaie/Koninklijke Muntschouwburg',
    });
    // Addresses outside the region keep their locality but get no commune.
    expect(
      await scalar(
        sql`select count(*)::int as n from locations where commune_nis is null and latitude is not null`,
      ),
    ).toBeGreaterThan(0);

    const locationsBefore = await scalar(sql`select count(*)::int as n from locations`);
    const again = await importOrganisations(database.db, records, options);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 671 });
    expect(await scalar(sql`select count(*)::int as n from organisations`)).toBe(671);
    expect(await scalar(sql`select count(*)::int as n from locations`)).toBe(locationsBefore);
  });

  it('updates a changed record in place', async () => {
    await importOrganisations(database.db, records.slice(0, 10), options);
    const changed = records.slice(0, 10).map((r, i) =>
      i === 2
        ? {
            ...r,
            'Nom du bénéficiaire de la subvention': 'Nouveau nom',
            Rue: 'Rue Neuve',
            Latitude: '50.8530',
            Longitude: '4.3570',
          }
        : r,
    );
    const report = await importOrganisations(database.db, changed, options);
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 8 });
    const { rows } = await database.db.execute<{ name: string; address: string }>(sql`
      select o.name->>'fr' as name, l.address from organisations o join locations l on l.organisation_id = o.id
      where o.kbo_number = ${`0${records[2]!['Le numéro de BCE du bénéficiaire de la subvention']!.replace(/\D/g, '').slice(-9)}`}`);
    expect(rows[0]).toEqual({
      name: 'Nouveau nom',
      address: `Rue Neuve ${records[2]!['Numéro de maison']}`.trim(),
    });
  });

  it('keeps an address gone from the source where an event takes place, and writes the rest of the record', async () => {
    const pair = records.slice(4, 6);
    await importOrganisations(database.db, pair, options);
    const kboOf = (r: Record<string, string>) =>
      `0${r['Le numéro de BCE du bénéficiaire de la subvention']!.replace(/\D/g, '').slice(-9)}`;
    const placeOf = async (r: Record<string, string>) =>
      (
        await database.db.execute<{ id: string; org: string }>(sql`
          select l.id, o.id as org from organisations o join locations l on l.organisation_id = o.id
          where o.kbo_number = ${kboOf(r)}`)
      ).rows[0];
    const used = (await placeOf(pair[0]!))!;
    expect(await placeOf(pair[1]!)).toBeDefined();
    await database.db.execute(sql`
      insert into events (organisation_id, kind, title, place_kind, location_id, starts_at, ends_at)
      values (${used.org}, 'network_day', '{"en":"Network day"}', 'place', ${used.id},
              now() + interval '7 days', now() + interval '7 days 3 hours')`);
    const placeless = (r: Record<string, string>) => ({
      ...r,
      'Nom du bénéficiaire de la subvention': `${r['Nom du bénéficiaire de la subvention']} (nouveau)`,
      Rue: '',
      'Numéro de maison': '',
      'Code postal': '',
      Latitude: '',
      Longitude: '',
    });
    const report = await importOrganisations(database.db, pair.map(placeless), options);
    expect(report).toMatchObject({ updated: 2, rejected: [], placesInUse: [{ index: 1 }] });
    // The event's place stays; the other record's place goes; both names change.
    expect((await placeOf(pair[0]!))?.id).toBe(used.id);
    expect(await placeOf(pair[1]!)).toBeUndefined();
    expect(
      await scalar(sql`select count(*)::int as n from organisations where name->>'fr' like '%(nouveau)'`),
    ).toBe(2);
  });

  it('rejects bad records with the field and the reason, and keeps the good ones', async () => {
    const bad = [
      { ...records[2], 'Nom du bénéficiaire de la subvention': '   ' },
      { ...records[3], 'Code postal': '10' },
      { ...records[4], Latitude: 'north', Longitude: '4.35' },
      'not an object',
      records[5],
    ];
    const report = await importOrganisations(database.db, bad, options);
    expect(report.created).toBe(1);
    expect(report.rejected.map((r) => [r.index, r.problems.map((p) => p.field)])).toEqual([
      [1, ['Nom du bénéficiaire de la subvention']],
      [2, ['Code postal']],
      [3, ['Latitude']],
      [4, ['(record)']],
    ]);
  });

  it('writes each record all-or-nothing', async () => {
    // Make the location insert fail for one address: its organisation must not stay behind.
    await database.db.execute(
      sql.raw(`
      create function fail_on_address() returns trigger language plpgsql as $$
      begin if new.address like 'Rue de la Panne%' then raise exception 'disk full'; end if; return new; end $$;
      create trigger fail_on_address before insert on locations for each row execute function fail_on_address();`),
    );
    const target = { ...records[2], Rue: 'Rue de la Panne', Latitude: '50.85', Longitude: '4.35' };
    const report = await importOrganisations(database.db, [target, records[3]], options);
    expect(report.created).toBe(1);
    expect(report.rejected[0]!.problems[0]).toEqual({
      field: '(database)',
      message: expect.stringContaining('disk full'),
    });
    expect(await scalar(sql`select count(*)::int as n from organisations`)).toBe(1);
  });

  it('never overwrites a listing that came from elsewhere', async () => {
    await database.db.execute(sql`
      insert into organisations (name, kind, kbo_number, provenance_source)
      values ('{"nl":"Eigen fiche"}', 'formal', '0206492907', 'passerelle')`);
    const monnaie = records.find(
      (r) => r['Le numéro de BCE du bénéficiaire de la subvention'] === '0206.492.907',
    )!;
    const report = await importOrganisations(database.db, [monnaie], options);
    expect(report.kept).toHaveLength(1);
    const { rows } = await database.db.execute<{ name: string }>(
      sql`select name->>'nl' as name from organisations`,
    );
    expect(rows).toEqual([{ name: 'Eigen fiche' }]);
  });
});
