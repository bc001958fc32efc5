// Loads the demo organisations into an empty directory, in one transaction. A database that holds
// any organisation is left alone, so a second start never duplicates or overwrites anything.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { cleanText } from '../../../shared/i18n-text.ts';
import { readDemoOrganisations, validateDemoData } from '../demo/validate-demo-data.ts';
import {
  contacts,
  locations,
  organisations,
  phones,
  scheduleExceptions,
  schedules,
  serviceAtLocations,
  services,
  serviceThemes,
  taxonomyTerms,
} from '../directory.schema.ts';
import { locatedPoint } from '../located-point.ts';

const weekdays = { mo: 1, tu: 2, we: 3, th: 4, fr: 5, sa: 6, su: 7 } as const;
const lockKey = 4_242_002;

export interface DemoLoadResult {
  loaded: boolean;
  organisations: number;
  services: number;
}

export async function loadDemoData(db: Database): Promise<DemoLoadResult> {
  const { orgs, problems } = readDemoOrganisations();
  const all = [...problems, ...validateDemoData(orgs, { coverage: false })];
  if (all.length) throw new Error(`The demo data is invalid:\n${all.join('\n')}`);

  return db.transaction(async (tx) => {
    // Two processes starting on one empty database: the second waits here, then finds data.
    await tx.execute(sql`select pg_advisory_xact_lock(${lockKey})`);
    const existing = await tx.execute(sql`select 1 from ${organisations} limit 1`);
    if (existing.rows.length) return { loaded: false, organisations: 0, services: 0 };

    const termIds = new Map(
      (await tx.select({ id: taxonomyTerms.id, code: taxonomyTerms.code }).from(taxonomyTerms)).map((t) => [
        t.code,
        t.id,
      ]),
    );
    const rows = {
      organisations: [] as (typeof organisations.$inferInsert)[],
      locations: [] as (typeof locations.$inferInsert)[],
      services: [] as (typeof services.$inferInsert)[],
      themes: [] as (typeof serviceThemes.$inferInsert)[],
      serviceAtLocations: [] as (typeof serviceAtLocations.$inferInsert)[],
      schedules: [] as (typeof schedules.$inferInsert)[],
      exceptions: [] as (typeof scheduleExceptions.$inferInsert)[],
      contacts: [] as (typeof contacts.$inferInsert)[],
      phones: [] as (typeof phones.$inferInsert)[],
    };

    for (const org of orgs) {
      const organisationId = randomUUID();
      const confirmed = new Date(`${org.lastConfirmed}T12:00:00Z`);
      rows.organisations.push({
        id: organisationId,
        name: cleanText(org.name),
        alternateName: org.alternateName ? cleanText(org.alternateName) : null,
        description: cleanText(org.description),
        email: org.email,
        website: org.website,
        kind: org.kind,
        communities: org.communities,
        legalStatus: org.legalStatus,
        yearIncorporated: org.yearIncorporated,
        verification: org.verification,
        verifiedAt: org.verification === 'verified' ? confirmed : null,
        lastConfirmedAt: org.lastConfirmed,
        provenanceSource: 'demo',
        provenanceId: org.key,
        isDemo: true,
      });
      const locationIds = new Map<string, string>();
      for (const loc of org.locations) {
        const id = randomUUID();
        locationIds.set(loc.key, id);
        rows.locations.push({
          id,
          organisationId,
          name: loc.name ? cleanText(loc.name) : null,
          address: loc.address,
          postcode: loc.postcode,
          locality: loc.locality,
          ...locatedPoint(loc.lat, loc.lon),
          accessibility: loc.accessibility ? cleanText(loc.accessibility) : null,
          transport: loc.transport ? cleanText(loc.transport) : null,
          provenanceId: loc.key,
        });
      }
      for (const phone of org.phones ?? []) {
        rows.phones.push({
          organisationId,
          number: phone.number,
          type: phone.type,
          description: phone.description ? cleanText(phone.description) : null,
          languages: phone.languages ?? [],
        });
      }
      const serviceIds = new Map<string, string>();
      for (const svc of org.services) {
        const serviceId = randomUUID();
        serviceIds.set(svc.key, serviceId);
        rows.services.push({
          id: serviceId,
          organisationId,
          name: cleanText(svc.name),
          description: cleanText(svc.description),
          url: svc.url,
          email: svc.email,
          status: svc.status ?? 'active',
          applicationProcess: svc.applicationProcess ? cleanText(svc.applicationProcess) : null,
          feesDescription: svc.fees ? cleanText(svc.fees) : null,
          eligibilityDescription: svc.eligibility ? cleanText(svc.eligibility) : null,
          targetGroups: svc.targetGroups,
          accessConditions: svc.access,
          residentCommunes: svc.residentsOf ?? [],
          languages: svc.languages,
          closedOnPublicHolidays: svc.closedOnPublicHolidays ?? true,
          lastConfirmedAt: org.lastConfirmed,
          provenanceId: svc.key,
        });
        for (const code of new Set(svc.themes)) rows.themes.push({ serviceId, termId: termIds.get(code)! });
        for (const key of svc.locations)
          rows.serviceAtLocations.push({ serviceId, locationId: locationIds.get(key)! });
        for (const hours of svc.hours) {
          for (const day of hours.days) {
            rows.schedules.push({
              serviceId,
              weekday: weekdays[day as keyof typeof weekdays],
              opensAt: hours.opens,
              closesAt: hours.closes,
              note: hours.note ? cleanText(hours.note) : null,
            });
          }
        }
        for (const ex of svc.exceptions ?? []) {
          rows.exceptions.push({
            serviceId,
            startsOn: ex.from,
            endsOn: ex.to,
            closed: ex.closed,
            opensAt: ex.opens ?? null,
            closesAt: ex.closes ?? null,
            note: ex.note ? cleanText(ex.note) : null,
          });
        }
        for (const phone of svc.phones ?? []) {
          rows.phones.push({
            organisationId,
            serviceId,
            number: phone.number,
            type: phone.type,
            description: phone.description ? cleanText(phone.description) : null,
            languages: phone.languages ?? [],
          });
        }
      }
      for (const contact of org.contacts) {
        rows.contacts.push({
          organisationId,
          serviceId: contact.service ? serviceIds.get(contact.service) : null,
          name: contact.name,
          title: contact.title ? cleanText(contact.title) : null,
          email: contact.email,
          phone: contact.phone,
          languages: contact.languages,
        });
      }
    }

    await tx.insert(organisations).values(rows.organisations);
    await tx.insert(locations).values(rows.locations);
    await tx.insert(services).values(rows.services);
    await tx.insert(serviceThemes).values(rows.themes);
    await tx.insert(serviceAtLocations).values(rows.serviceAtLocations);
    if (rows.schedules.length) await tx.insert(schedules).values(rows.schedules);
    if (rows.exceptions.length) await tx.insert(scheduleExceptions).values(rows.exceptions);
    if (rows.contacts.length) await tx.insert(contacts).values(rows.contacts);
    if (rows.phones.length) await tx.insert(phones).values(rows.phones);
    return { loaded: true, organisations: rows.organisations.length, services: rows.services.length };
  });
}
