// Directory records as Open Referral HSDS 3.0 objects. HSDS texts are single strings, so each
// response is in one language (the reader's, falling back like the pages do). Objects HSDS needs
// ids for but Passerelle stores as values (languages, addresses, attributes) get stable name-based
// UUIDs, so the same thing keeps the same id across calls.
import { DateTime } from 'luxon';
import { type Locale, textIn } from '../../shared/i18n-text.ts';
import type { Page } from '../../shared/pagination.ts';
import { type OrganisationRecord, type ServiceListRecord, type ServiceRecord } from '../directory/index.ts';
import { geoReference } from '../geo/index.ts';

/** Namespace for Passerelle's derived HSDS ids. */
import { compact, derivedId, iso, statusOf, text, weekdays, zone } from './hsds-values.ts';
import { attribute, type Labels, vocabularyTerm, themesTaxonomyId } from './hsds-taxonomies.ts';

export {
  type Labels,
  presentTaxonomies,
  presentThemeTerm,
  themesTaxonomyId,
  vocabularies,
  vocabularyTerms,
} from './hsds-taxonomies.ts';

type Location = OrganisationRecord['locations'][number];

export function presentLocation(l: Location, locale: Locale) {
  const commune = l.communeNis ? geoReference().commune(l.communeNis) : undefined;
  const city = commune?.name[locale] ?? l.locality ?? undefined;
  const addresses =
    l.address && l.postcode && city
      ? [
          {
            id: derivedId('address', l.id),
            location_id: l.id,
            address_1: l.address,
            city,
            state_province:
              locale === 'nl'
                ? 'Brussels Hoofdstedelijk Gewest'
                : locale === 'fr'
                  ? 'Région de Bruxelles-Capitale'
                  : 'Brussels-Capital Region',
            postal_code: l.postcode,
            country: 'BE',
            address_type: 'physical',
          },
        ]
      : [];
  return compact({
    id: l.id,
    location_type: 'physical',
    organization_id: l.organisationId,
    name: text(l.name, locale),
    description: text(l.description, locale),
    transportation: text(l.transport, locale),
    latitude: l.latitude ?? undefined,
    longitude: l.longitude ?? undefined,
    addresses,
  });
}

type Phone = OrganisationRecord['phones'][number];
type Contact = OrganisationRecord['contacts'][number];

function presentPhone(p: Phone, locale: Locale) {
  return compact({
    id: p.id,
    organization_id: p.organisationId,
    service_id: p.serviceId ?? undefined,
    location_id: p.locationId ?? undefined,
    number: p.number,
    type: p.type,
    description: text(p.description, locale),
    languages: p.languages.map((code) => ({ id: derivedId('language', p.id, code), phone_id: p.id, code })),
  });
}

function presentContact(c: Contact, locale: Locale) {
  return compact({
    id: c.id,
    organization_id: c.organisationId,
    service_id: c.serviceId ?? undefined,
    name: c.name,
    title: text(c.title, locale),
    email: c.email ?? undefined,
    phones: c.phone ? [{ id: derivedId('contact-phone', c.id), contact_id: c.id, number: c.phone }] : [],
  });
}

type OrganisationBase = Pick<
  OrganisationRecord,
  | 'id'
  | 'name'
  | 'alternateName'
  | 'description'
  | 'email'
  | 'website'
  | 'kboNumber'
  | 'legalStatus'
  | 'yearIncorporated'
>;

/** The one-to-one fields of an organisation (HSDS organization_list). */
export function presentOrganisationBase(org: OrganisationBase, locale: Locale, origin: string) {
  return compact({
    id: org.id,
    name: textIn(org.name, locale),
    alternate_name: text(org.alternateName, locale),
    description: textIn(org.description, locale),
    email: org.email ?? undefined,
    website: org.website ?? undefined,
    tax_id: org.kboNumber ?? undefined,
    year_incorporated: org.yearIncorporated ?? undefined,
    legal_status: org.legalStatus ?? undefined,
    uri: `${origin}/${locale}/organisations/${org.id}`,
  });
}

export function presentOrganisation(org: OrganisationRecord, locale: Locale, origin: string, labels: Labels) {
  return {
    ...presentOrganisationBase(org, locale, origin),
    contacts: org.contacts.map((c) => presentContact(c, locale)),
    phones: org.phones.filter((p) => !p.serviceId).map((p) => presentPhone(p, locale)),
    locations: org.locations.map((l) => presentLocation(l, locale)),
    organization_identifiers: org.kboNumber
      ? [
          {
            id: derivedId('identifier', org.id, org.kboNumber),
            organization_id: org.id,
            identifier_scheme: 'BE-BCE_KBO',
            identifier_type: 'KBO/BCE enterprise number',
            identifier: org.kboNumber,
          },
        ]
      : [],
    attributes: [
      attribute(
        org.id,
        'organization',
        vocabularyTerm('passerelle-organisation-kinds', org.kind, labels, locale),
      ),
    ],
  };
}

type AnyService = ServiceRecord | ServiceListRecord;
type Schedule = ServiceRecord['schedules'][number];
type HoursException = ServiceRecord['exceptions'][number];

/** HSDS carries a numeric UTC offset, not a zone: give the one in force on the date the hours start to apply. */
function offsetHours(date?: string | null): number {
  const moment = date ? DateTime.fromISO(date, { zone }) : DateTime.now().setZone(zone);
  return moment.offset / 60;
}

function presentSchedule(s: Schedule, locale: Locale) {
  return compact({
    id: s.id,
    service_id: s.serviceId,
    location_id: s.locationId ?? undefined,
    valid_from: s.validFrom ?? undefined,
    valid_to: s.validTo ?? undefined,
    timezone: offsetHours(s.validFrom),
    freq: 'WEEKLY',
    wkst: 'MO',
    byday: weekdays[s.weekday],
    opens_at: s.opensAt.slice(0, 5),
    closes_at: s.closesAt.slice(0, 5),
    notes: text(s.note, locale),
    description: 'Europe/Brussels local time',
  });
}

function presentException(e: HoursException, locale: Locale) {
  const note = text(e.note, locale);
  return compact({
    id: e.id,
    service_id: e.serviceId,
    valid_from: e.startsOn,
    valid_to: e.endsOn,
    timezone: offsetHours(e.startsOn),
    opens_at: e.closed ? undefined : e.opensAt?.slice(0, 5),
    closes_at: e.closed ? undefined : e.closesAt?.slice(0, 5),
    description: e.closed ? `closed${note ? `: ${note}` : ''}` : `special hours${note ? `: ${note}` : ''}`,
  });
}

type ServiceBase = Pick<
  AnyService,
  | 'id'
  | 'organisationId'
  | 'name'
  | 'alternateName'
  | 'description'
  | 'url'
  | 'email'
  | 'status'
  | 'applicationProcess'
  | 'feesDescription'
  | 'eligibilityDescription'
  | 'lastConfirmedAt'
  | 'updatedAt'
> & { organisation: OrganisationBase };

/** The one-to-one fields of a service (HSDS service_list), with its organisation. */
export function presentServiceBase(s: ServiceBase, locale: Locale, origin: string) {
  return compact({
    id: s.id,
    organization_id: s.organisationId,
    name: textIn(s.name, locale),
    alternate_name: text(s.alternateName, locale),
    description: text(s.description, locale),
    url: s.url ?? `${origin}/${locale}/services/${s.id}`,
    email: s.email ?? undefined,
    status: statusOf[s.status],
    application_process: text(s.applicationProcess, locale),
    fees_description: text(s.feesDescription, locale),
    eligibility_description: text(s.eligibilityDescription, locale),
    assured_date: s.lastConfirmedAt ?? undefined,
    last_modified: iso(s.updatedAt),
    organization: presentOrganisationBase(s.organisation, locale, origin),
  });
}

export function presentService(
  s: AnyService,
  locale: Locale,
  origin: string,
  labels: Labels,
  languageName: (code: string) => string,
) {
  const themeAttributes = s.themes.map((t) =>
    attribute(s.id, 'service', {
      id: t.term.id,
      code: t.term.code,
      name: textIn(t.term.name, locale),
      description: textIn(t.term.name, locale),
      taxonomy: 'passerelle-themes',
      taxonomy_id: themesTaxonomyId,
      language: locale,
    }),
  );
  const vocabularyAttributes = [
    ...s.targetGroups.map((g) => vocabularyTerm('passerelle-target-groups', g, labels, locale)),
    ...s.accessConditions.map((a) => vocabularyTerm('passerelle-access-conditions', a, labels, locale)),
  ].map((term) => attribute(s.id, 'service', term));
  return {
    ...presentServiceBase(s, locale, origin),
    phones: s.phones.map((p) => presentPhone(p, locale)),
    schedules: [
      ...s.schedules.map((h) => presentSchedule(h, locale)),
      ...s.exceptions.map((e) => presentException(e, locale)),
    ],
    service_at_locations: s.serviceAtLocations.map((sal) =>
      compact({
        id: sal.id,
        service_id: s.id,
        location_id: sal.locationId,
        description: text(sal.description, locale),
        location: presentLocation(sal.location, locale),
      }),
    ),
    languages: s.languages.map((code) => ({
      id: derivedId('language', s.id, code),
      service_id: s.id,
      name: languageName(code),
      code,
    })),
    contacts: s.contacts.map((c) => presentContact(c, locale)),
    attributes: [...themeAttributes, ...vocabularyAttributes],
  };
}

/** HSDS's Page wrapper. */
export function hsdsPage<T, U>(page: Page<T>, present: (item: T) => U) {
  return {
    total_items: page.total,
    total_pages: page.totalPages,
    page_number: page.page,
    size: page.items.length,
    first_page: page.page === 1,
    last_page: page.page >= page.totalPages,
    empty: page.items.length === 0,
    contents: page.items.map(present),
  };
}
