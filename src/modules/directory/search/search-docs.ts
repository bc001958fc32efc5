// Turns directory rows into search documents: one per active service, and one per organisation that
// lists no service (an imported organisation must still be findable by its name).
import type { I18nText } from '../../../shared/i18n-text.ts';
import { geoReference } from '../../geo/index.ts';
import themes from '../data/themes.json' with { type: 'json' };
import type { HoursInput } from '../../../shared/opening-hours.ts';
import type { DirectorySnapshot, LocationSource, ServiceSource } from './search.repo.ts';
import { analyseI18n, fold, type SearchDoc, themeToken, words } from '../../search/index.ts';

const themeNames = new Map<string, I18nText>();
for (const theme of themes) {
  themeNames.set(theme.code, theme.name);
  for (const child of theme.children) themeNames.set(child.code, child.name);
}

/** Place names are not stemmed: "Sint-Jans-Molenbeek" is searched as written. */
function placeTerms(locations: LocationSource[]): string[] {
  const geo = geoReference();
  const out: string[] = [];
  for (const l of locations) {
    const commune = l.communeNis ? geo.commune(l.communeNis) : undefined;
    const quartier = l.quartierCode !== null ? geo.quartier(l.quartierCode) : undefined;
    for (const text of [
      commune?.name.nl,
      commune?.name.fr,
      quartier?.name.nl,
      quartier?.name.fr,
      l.postcode,
      l.address,
    ]) {
      if (text) out.push(...words(text).map(fold));
    }
  }
  return out;
}

function monthsAgo(date: string | null, now: Date): number {
  if (!date) return Infinity;
  return (now.getTime() - new Date(`${date}T12:00:00Z`).getTime()) / (30.44 * 24 * 3600 * 1000);
}

/** Verified and recently confirmed listings rank above stale ones, all else being equal. */
export function trustOf(verified: boolean, lastConfirmedAt: string | null, now: Date): number {
  const age = monthsAgo(lastConfirmedAt, now);
  const freshness = age <= 6 ? 1.1 : age <= 12 ? 1 : 0.8;
  return (verified ? 1.15 : 1) * freshness;
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function weeklyOf(hours: HoursInput['weekly']): SearchDoc['weekly'] {
  return hours.map((h) => {
    const start = (h.weekday - 1) * 1440 + minutes(h.opensAt);
    let end = (h.weekday - 1) * 1440 + minutes(h.closesAt);
    if (end <= start) end += 1440;
    return { start, end, validFrom: h.validFrom ?? null, validTo: h.validTo ?? null };
  });
}

function groupBy<T>(items: T[], key: (item: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push(item);
  }
  return map;
}

export function buildDocs(snapshot: DirectorySnapshot, now = new Date()): SearchDoc[] {
  const organisations = new Map(snapshot.organisations.map((o) => [o.id, o]));
  const themesOf = groupBy(snapshot.themes, (t) => t.serviceId);
  const schedulesOf = groupBy(snapshot.schedules, (s) => s.serviceId);
  const exceptionsOf = groupBy(snapshot.exceptions, (e) => e.serviceId);
  const locationsOfService = groupBy(snapshot.locations, (l) => l.serviceId);
  const locationsOfOrganisation = groupBy(snapshot.locations, (l) => l.organisationId);
  const servicesOf = groupBy(snapshot.services, (s) => s.organisationId);
  const phonesOfService = groupBy(snapshot.phones, (p) => p.serviceId);
  // The organisation's own numbers, for its services that list none (as the service page does).
  const phonesOfOrganisation = groupBy(snapshot.phones, (p) => (p.serviceId ? null : p.organisationId));
  const docs: SearchDoc[] = [];
  const communesOf = (locations: { communeNis: string | null }[]) => [
    ...new Set(locations.map((l) => l.communeNis).filter((c): c is string => c !== null)),
  ];

  const doc = (org: (typeof snapshot.organisations)[number], service: ServiceSource | null): SearchDoc => {
    const locations = service
      ? (locationsOfService.get(service.id) ?? [])
      : (locationsOfOrganisation.get(org.id) ?? []);
    const unique = [...new Map(locations.map((l) => [l.id, l])).values()];
    const codes = new Set<string>();
    for (const t of service ? (themesOf.get(service.id) ?? []) : []) {
      codes.add(t.code);
      if (t.parentCode) codes.add(t.parentCode);
    }
    const weekly = weeklyOf(service ? (schedulesOf.get(service.id) ?? []) : []);
    const exceptions = service ? (exceptionsOf.get(service.id) ?? []) : [];
    const verified = org.verification === 'verified';
    const lastConfirmedAt = service?.lastConfirmedAt ?? org.lastConfirmedAt;
    return {
      type: service ? 'service' : 'organisation',
      id: service?.id ?? org.id,
      organisationId: org.id,
      name: service?.name ?? org.name,
      organisationName: org.name,
      description: service?.description ?? org.description,
      kind: org.kind,
      verified,
      lastConfirmedAt,
      themes: [...codes],
      communes: [...new Set(unique.map((l) => l.communeNis).filter((c): c is string => c !== null))],
      organisationCommunes: communesOf(locationsOfOrganisation.get(org.id) ?? []),
      quartiers: [...new Set(unique.map((l) => l.quartierCode).filter((q): q is number => q !== null))],
      points: unique
        .filter((l) => l.latitude !== null && l.longitude !== null)
        .map((l) => ({ lat: l.latitude!, lon: l.longitude! })),
      languages: service?.languages ?? [],
      phone:
        ((service && phonesOfService.get(service.id)) ?? phonesOfOrganisation.get(org.id))?.[0]?.number ??
        null,
      targetGroups: service?.targetGroups ?? [],
      access: service?.accessConditions ?? [],
      residentCommunes: service?.residentCommunes ?? [],
      evening: weekly.some((w) => w.end % 1440 > 18 * 60 || w.end - w.start + (w.start % 1440) > 1440),
      weekend: weekly.some((w) => w.start >= 5 * 1440 || w.end > 5 * 1440),
      weekly,
      exceptions: exceptions.map((e) => ({ ...e })),
      closedOnPublicHolidays: service?.closedOnPublicHolidays ?? true,
      trust: trustOf(verified, lastConfirmedAt, now),
      fields: {
        title: analyseI18n(service?.name, service?.alternateName).join(' '),
        organisation: analyseI18n(org.name, org.alternateName).join(' '),
        themes: [
          ...analyseI18n(...[...codes].map((c) => themeNames.get(c))),
          ...[...codes].map(themeToken),
        ].join(' '),
        place: placeTerms(unique).join(' '),
        description: analyseI18n(service ? service.description : org.description).join(' '),
      },
    };
  };

  for (const org of organisations.values()) {
    const services = servicesOf.get(org.id);
    if (services?.length) for (const service of services) docs.push(doc(org, service));
    else docs.push(doc(org, null));
  }
  return docs;
}
