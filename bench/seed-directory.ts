// Generates a large, realistic multilingual directory for benchmarks: organisations and services
// derived from the demo data (texts, themes, hours, languages), spread over the 19 communes with
// neighbourhood names in their titles. Marked as demo data from the source "bench".
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import * as schema from '../src/db/schema.ts';
import { readDemoOrganisations } from '../src/modules/directory/demo/validate-demo-data.ts';
import { geoReference } from '../src/modules/geo/index.ts';
import { random } from './random.ts';

const weekdays = { mo: 1, tu: 2, we: 3, th: 4, fr: 5, sa: 6, su: 7 } as const;

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

async function insertAll<T extends { $inferInsert: unknown }>(
  db: Database,
  table: T,
  rows: Row<T>[],
): Promise<void> {
  // PostgreSQL takes at most 65,535 parameters per statement.
  const columns = rows[0] ? Object.keys(rows[0] as object).length : 1;
  const size = Math.floor(60_000 / columns);
  for (let i = 0; i < rows.length; i += size) {
    await db.insert(table as never).values(rows.slice(i, i + size) as never);
  }
}

export async function seedDirectory(
  db: Database,
  targetServices: number,
  seed = 42,
): Promise<{ organisations: number; services: number }> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const { orgs: templates } = readDemoOrganisations();
  const geo = geoReference();
  const quartiers = geo.quartiers.filter((q) => q.code < 700);
  const termIds = new Map(
    (
      await db
        .select({ id: schema.taxonomyTerms.id, code: schema.taxonomyTerms.code })
        .from(schema.taxonomyTerms)
    ).map((t) => [t.code, t.id]),
  );

  const rows = {
    organisations: [] as Row<typeof schema.organisations>[],
    locations: [] as Row<typeof schema.locations>[],
    services: [] as Row<typeof schema.services>[],
    themes: [] as Row<typeof schema.serviceThemes>[],
    serviceAtLocations: [] as Row<typeof schema.serviceAtLocations>[],
    schedules: [] as Row<typeof schema.schedules>[],
  };
  let services = 0;
  let n = 0;
  while (services < targetServices) {
    n++;
    const template = pick(templates);
    const quartier = pick(quartiers);
    // A point near the quartier's centre that lies in the region.
    let lat = quartier.centre.lat;
    let lon = quartier.centre.lon;
    for (let tries = 0; tries < 5; tries++) {
      const candidate = {
        lat: quartier.centre.lat + (next() - 0.5) * 0.006,
        lon: quartier.centre.lon + (next() - 0.5) * 0.009,
      };
      if (geo.locate(candidate.lat, candidate.lon)) {
        lat = candidate.lat;
        lon = candidate.lon;
        break;
      }
    }
    const place = geo.locate(lat, lon);
    const organisationId = randomUUID();
    const suffix = (lang: 'nl' | 'fr' | 'en') => ` — ${quartier.name[lang]} ${n}`;
    const name = Object.fromEntries(
      Object.entries(template.name).map(([lang, text]) => [lang, text + suffix(lang as 'nl')]),
    );
    const confirmed = `202${4 + Math.floor(next() * 3)}-${String(1 + Math.floor(next() * 11)).padStart(2, '0')}-15`;
    rows.organisations.push({
      id: organisationId,
      name,
      description: template.description,
      kind: template.kind,
      communities: template.communities,
      verification: next() < 0.6 ? 'verified' : 'unverified',
      lastConfirmedAt: confirmed,
      provenanceSource: 'bench',
      provenanceId: String(n),
      isDemo: true,
    });
    const locationId = randomUUID();
    rows.locations.push({
      id: locationId,
      organisationId,
      address: template.locations[0]!.address,
      postcode: geo.postcodes.find((p) => p.communeNis === place?.commune.nis)?.postcode ?? '1000',
      latitude: lat,
      longitude: lon,
      communeNis: place?.commune.nis ?? null,
      quartierCode: place?.quartier?.code ?? null,
    });
    const count = 1 + Math.floor(next() * 5);
    for (let s = 0; s < count && services < targetServices; s++, services++) {
      const svc = pick(pick(templates).services);
      const serviceId = randomUUID();
      rows.services.push({
        id: serviceId,
        organisationId,
        name: svc.name,
        description: svc.description,
        targetGroups: svc.targetGroups,
        accessConditions: svc.access,
        languages: svc.languages,
        closedOnPublicHolidays: svc.closedOnPublicHolidays ?? true,
        lastConfirmedAt: confirmed,
        provenanceId: String(s),
      });
      for (const code of new Set(svc.themes)) rows.themes.push({ serviceId, termId: termIds.get(code)! });
      rows.serviceAtLocations.push({ serviceId, locationId });
      for (const h of svc.hours) {
        for (const day of h.days) {
          rows.schedules.push({
            serviceId,
            weekday: weekdays[day as keyof typeof weekdays],
            opensAt: h.opens,
            closesAt: h.closes,
          });
        }
      }
    }
  }
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await insertAll(t, schema.organisations, rows.organisations);
    await insertAll(t, schema.locations, rows.locations);
    await insertAll(t, schema.services, rows.services);
    await insertAll(t, schema.serviceThemes, rows.themes);
    await insertAll(t, schema.serviceAtLocations, rows.serviceAtLocations);
    await insertAll(t, schema.schedules, rows.schedules);
  });
  // A live directory is vacuumed by autovacuum; without it index-only scans would not apply yet.
  await db.execute(sql`vacuum analyze`);
  return { organisations: rows.organisations.length, services };
}
