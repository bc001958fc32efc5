// Shapes directory records for /api/v1. The presenter decides each field: a new column never
// leaks to the API by accident.
import { DateTime } from 'luxon';
import type { Static } from 'typebox';
import { zone } from '../../../shared/opening-hours.ts';
import { locales } from '../../../shared/i18n-text.ts';
import type { Page } from '../../../shared/pagination.ts';
import { geoReference } from '../../geo/index.ts';
import type {
  MapPointRow,
  OrganisationRecord,
  OrganisationSummaryRow,
  ServiceListRecord,
  ServiceRecord,
} from '../directory.repo.ts';
import type {
  ContactSchema,
  LocationSchema,
  MapSchema,
  OrganisationSchema,
  OrganisationSummarySchema,
  PageLinks,
  PhoneSchema,
  ServiceSchema,
} from '../directory.schemas.ts';
import { serviceOpenState } from '../directory.service.ts';

type Location = OrganisationRecord['locations'][number];

function links(kind: 'organisations' | 'services', id: string) {
  return {
    self: `/api/v1/${kind}/${id}`,
    html: Object.fromEntries(locales.map((l) => [l, `/${l}/${kind}/${id}`])) as Record<
      (typeof locales)[number],
      string
    >,
  };
}

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}

export function presentLocation(l: Location): Static<typeof LocationSchema> {
  const geo = geoReference();
  const commune = l.communeNis ? geo.commune(l.communeNis) : undefined;
  const quartier = l.quartierCode !== null ? geo.quartier(l.quartierCode) : undefined;
  return {
    id: l.id,
    name: l.name,
    address: l.address,
    postcode: l.postcode,
    locality: l.locality,
    latitude: l.latitude,
    longitude: l.longitude,
    commune: commune ? { nis: commune.nis, name: commune.name } : null,
    quartier: quartier ? { code: quartier.code, name: quartier.name } : null,
    accessibility: l.accessibility,
    transport: l.transport,
  };
}

function presentPhone(p: OrganisationRecord['phones'][number]): Static<typeof PhoneSchema> {
  return { number: p.number, type: p.type, description: p.description, languages: p.languages };
}

function presentContact(c: OrganisationRecord['contacts'][number]): Static<typeof ContactSchema> {
  return {
    id: c.id,
    name: c.name,
    title: c.title,
    email: c.email,
    phone: c.phone,
    languages: c.languages,
    service_id: c.serviceId,
  };
}

export function presentOrganisationSummary(
  row: OrganisationSummaryRow,
): Static<typeof OrganisationSummarySchema> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    verification: row.verification,
    last_confirmed_at: row.lastConfirmedAt,
    is_demo: row.isDemo,
    communes: row.communes,
    themes: row.themes,
    languages: row.languages,
    service_count: row.serviceCount,
    links: links('organisations', row.id),
  };
}

export function presentOrganisation(org: OrganisationRecord): Static<typeof OrganisationSchema> {
  return {
    id: org.id,
    name: org.name,
    alternate_name: org.alternateName,
    description: org.description,
    kind: org.kind,
    communities: org.communities as Static<typeof OrganisationSchema>['communities'],
    kbo_number: org.kboNumber,
    legal_status: org.legalStatus,
    year_incorporated: org.yearIncorporated,
    email: org.email,
    website: org.website,
    verification: org.verification,
    last_confirmed_at: org.lastConfirmedAt,
    is_demo: org.isDemo,
    provenance: {
      source: org.provenanceSource,
      source_id: org.provenanceId,
      imported_at: org.provenanceImportedAt ? iso(org.provenanceImportedAt) : null,
    },
    locations: org.locations.map(presentLocation),
    contacts: org.contacts.map(presentContact),
    phones: org.phones.filter((p) => !p.serviceId).map(presentPhone),
    services: org.services.map((s) => ({
      id: s.id,
      name: s.name,
      status: s.status,
      themes: s.themes.map((t) => t.term.code),
    })),
    updated_at: iso(org.updatedAt),
    links: links('organisations', org.id),
  };
}

/**
 * `now`: a list gives every service the same moment, already in Brussels' zone (Luxon works out a
 * zone's offset with an Intl formatting, which cost more than the rest of the open state).
 */
export function presentService(
  s: ServiceRecord | ServiceListRecord,
  now: DateTime = DateTime.now().setZone(zone),
): Static<typeof ServiceSchema> {
  const state = serviceOpenState(s, now);
  return {
    id: s.id,
    organisation: { id: s.organisation.id, name: s.organisation.name, kind: s.organisation.kind },
    name: s.name,
    alternate_name: s.alternateName,
    description: s.description,
    status: s.status,
    url: s.url,
    email: s.email,
    application_process: s.applicationProcess,
    fees: s.feesDescription,
    eligibility: s.eligibilityDescription,
    target_groups: s.targetGroups as Static<typeof ServiceSchema>['target_groups'],
    access_conditions: s.accessConditions as Static<typeof ServiceSchema>['access_conditions'],
    languages: s.languages,
    themes: s.themes.map((t) => ({ code: t.term.code, name: t.term.name, parent_code: t.term.parentCode })),
    locations: s.serviceAtLocations.map((sal) => presentLocation(sal.location)),
    schedules: s.schedules.map((h) => ({
      weekday: h.weekday,
      opens_at: h.opensAt.slice(0, 5),
      closes_at: h.closesAt.slice(0, 5),
      valid_from: h.validFrom,
      valid_to: h.validTo,
      location_id: h.locationId,
      note: h.note,
    })),
    exceptions: s.exceptions.map((e) => ({
      starts_on: e.startsOn,
      ends_on: e.endsOn,
      closed: e.closed,
      opens_at: e.opensAt?.slice(0, 5) ?? null,
      closes_at: e.closesAt?.slice(0, 5) ?? null,
      note: e.note,
    })),
    closed_on_public_holidays: s.closedOnPublicHolidays,
    open_now: state.known ? state.open : null,
    contacts: s.contacts.map(presentContact),
    phones: s.phones.map(presentPhone),
    last_confirmed_at: s.lastConfirmedAt,
    updated_at: iso(s.updatedAt),
    links: links('services', s.id),
  };
}

/** The list envelope: data, counts and navigation links that keep the caller's filters. */
export function presentPage<T, U>(
  page: Page<T>,
  present: (item: T) => U,
  path: string,
  query: Record<string, string | number | undefined>,
): {
  data: U[];
  meta: { page: number; per_page: number; total: number; total_pages: number };
  links: Static<typeof PageLinks>;
} {
  const link = (n: number) => {
    const params = new URLSearchParams();
    const all: Record<string, string | number | undefined> = { ...query, page: n, per_page: page.perPage };
    for (const [k, v] of Object.entries(all)) {
      if (v !== undefined && v !== '') params.set(k, String(v));
    }
    return `${path}?${params}`;
  };
  return {
    data: page.items.map(present),
    meta: { page: page.page, per_page: page.perPage, total: page.total, total_pages: page.totalPages },
    links: {
      self: link(page.page),
      first: link(1),
      last: link(page.totalPages),
      prev: page.page > 1 ? link(Math.min(page.page - 1, page.totalPages)) : null,
      next: page.page < page.totalPages ? link(page.page + 1) : null,
    },
  };
}

export function presentMap(points: MapPointRow[]): Static<typeof MapSchema> {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
      properties: {
        organisation_id: p.organisationId,
        location_id: p.locationId,
        name: p.name,
        kind: p.kind,
        commune: p.communeNis,
      },
    })),
  };
}
