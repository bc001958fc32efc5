// The directory's tables. The model follows Open Referral HSDS 3.0 (organization, service, location,
// service_at_location, schedule, language, phone, contact, taxonomy_term, attribute) with the
// Brussels extensions described in docs/architecture.md. Every human-readable field is an
// I18nText ({ nl?, fr?, en? }) stored as jsonb.
import { relations, sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  accessConditions,
  communeNisCodes,
  communities,
  organisationKinds,
  phoneTypes,
  serviceStatuses,
  targetGroups,
  verificationStates,
} from './directory.vocabulary.ts';
import { belongsTo, i18n, id, moment, textList, timestamps } from '../../db/columns.ts';

export const organisationKindEnum = pgEnum('organisation_kind', organisationKinds);
export const verificationStateEnum = pgEnum('verification_state', verificationStates);
export const serviceStatusEnum = pgEnum('service_status', serviceStatuses);
export const phoneTypeEnum = pgEnum('phone_type', phoneTypes);

/** Checks that every element of a text[] column belongs to a vocabulary. */
const arrayWithin = (column: string, values: readonly string[]) =>
  sql.raw(`${column} <@ ARRAY[${values.map((v) => `'${v}'`).join(',')}]::text[]`);

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    name: i18n().notNull(),
    alternateName: i18n(),
    description: i18n().notNull().default({}),
    email: text(),
    website: text(),
    kind: organisationKindEnum().notNull(),
    communities: textList(),
    /** KBO/BCE enterprise number, ten digits without dots; informal groups have none. */
    kboNumber: text(),
    legalStatus: text(),
    yearIncorporated: smallint(),
    verification: verificationStateEnum().notNull().default('unverified'),
    verifiedAt: moment(),
    lastConfirmedAt: date({ mode: 'string' }),
    /** Where the record came from: 'demo', 'passerelle' (entered here) or an import source name. */
    provenanceSource: text().notNull().default('passerelle'),
    /** The record's id in its source, for idempotent re-imports. */
    provenanceId: text(),
    provenanceImportedAt: moment(),
    isDemo: boolean().notNull().default(false),
    /** When the logo (table organisation_logos) last changed; null without one. Also busts caches. */
    logoUpdatedAt: moment(),
    // Sort keys per reading language, with the same fallback as the pages (shared/i18n-text.ts).
    // The migration gives them the ICU collation so "École" sorts with "Ecole", not after "Z".
    nameSortNl: text().generatedAlwaysAs(sql`coalesce(name->>'nl', name->>'en', name->>'fr')`),
    nameSortFr: text().generatedAlwaysAs(sql`coalesce(name->>'fr', name->>'en', name->>'nl')`),
    nameSortEn: text().generatedAlwaysAs(sql`coalesce(name->>'en', name->>'fr', name->>'nl')`),
    ...timestamps(),
  },
  (t) => [
    index('organisations_name_sort_nl_idx').on(t.nameSortNl, t.id),
    index('organisations_name_sort_fr_idx').on(t.nameSortFr, t.id),
    index('organisations_name_sort_en_idx').on(t.nameSortEn, t.id),
    uniqueIndex('organisations_kbo_number_key').on(t.kboNumber),
    uniqueIndex('organisations_provenance_key').on(t.provenanceSource, t.provenanceId),
    index('organisations_kind_idx').on(t.kind),
    check('organisations_kbo_format', sql`${t.kboNumber} ~ '^[01][0-9]{9}$'`),
    check('organisations_communities_known', arrayWithin('communities', communities)),
    check('organisations_name_present', sql`${t.name} <> '{}'::jsonb`),
  ],
);

/** A record of an organisation's listing (service, place, contact, phone), deleted with it. */
const partOfListing = () => ({
  id: id(),
  organisationId: belongsTo(() => organisations.id).notNull(),
});

export const services = pgTable(
  'services',
  {
    ...partOfListing(),
    name: i18n().notNull(),
    alternateName: i18n(),
    description: i18n().notNull().default({}),
    url: text(),
    email: text(),
    status: serviceStatusEnum().notNull().default('active'),
    applicationProcess: i18n(),
    feesDescription: i18n(),
    eligibilityDescription: i18n(),
    targetGroups: textList(),
    accessConditions: textList(),
    /** Communes (NIS codes) whose residents alone may use the service, as a CPAS/OCMW; empty: anyone. */
    residentCommunes: textList(),
    /** BCP 47 codes of the languages staff or volunteers speak with visitors. */
    languages: textList(),
    /** Belgian public holidays close the service unless it says otherwise. */
    closedOnPublicHolidays: boolean().notNull().default(true),
    lastConfirmedAt: date({ mode: 'string' }),
    provenanceId: text(),
    ...timestamps(),
  },
  (t) => [
    index('services_organisation_idx').on(t.organisationId),
    index('services_active_idx')
      .on(t.id)
      .where(sql`status = 'active'`),
    uniqueIndex('services_provenance_key').on(t.organisationId, t.provenanceId),
    index('services_languages_idx').using('gin', t.languages),
    check('services_target_groups_known', arrayWithin('target_groups', targetGroups)),
    check('services_access_conditions_known', arrayWithin('access_conditions', accessConditions)),
    check('services_resident_communes_known', arrayWithin('resident_communes', communeNisCodes)),
    check('services_name_present', sql`${t.name} <> '{}'::jsonb`),
  ],
);

export const locations = pgTable(
  'locations',
  {
    ...partOfListing(),
    name: i18n(),
    description: i18n(),
    /** Street and number as written locally, e.g. "Rue de la Senne 12". */
    address: text(),
    postcode: text(),
    locality: text(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    /** Derived from the coordinates with the UrbIS polygons; null outside the region. */
    communeNis: text(),
    quartierCode: integer(),
    /** How the position was found: coordinates given by a person (or the marker she moved), the
     * street's part in the postcode's area, or the postcode's centre; null for imported places. */
    placement: text({ enum: ['coordinates', 'street', 'postcode'] }),
    accessibility: i18n(),
    transport: i18n(),
    provenanceId: text(),
    ...timestamps(),
  },
  (t) => [
    index('locations_organisation_idx').on(t.organisationId),
    index('locations_commune_idx').on(t.communeNis),
    uniqueIndex('locations_provenance_key').on(t.organisationId, t.provenanceId),
    check('locations_latitude_range', sql`${t.latitude} between -90 and 90`),
    check('locations_longitude_range', sql`${t.longitude} between -180 and 180`),
    check('locations_coordinates_paired', sql`(${t.latitude} is null) = (${t.longitude} is null)`),
    check('locations_placement_known', sql`${t.placement} in ('coordinates', 'street', 'postcode')`),
  ],
);

export const serviceAtLocations = pgTable(
  'service_at_locations',
  {
    id: id(),
    serviceId: belongsTo(() => services.id).notNull(),
    locationId: belongsTo(() => locations.id).notNull(),
    description: i18n(),
  },
  (t) => [
    uniqueIndex('service_at_locations_pair_key').on(t.serviceId, t.locationId),
    index('service_at_locations_location_idx').on(t.locationId),
  ],
);

/** Weekly opening hours. A closing time at or before the opening time runs past midnight. */
export const schedules = pgTable(
  'schedules',
  {
    id: id(),
    serviceId: belongsTo(() => services.id).notNull(),
    /** Set when the hours hold at one location of a service offered at several. */
    locationId: belongsTo(() => locations.id),
    /** ISO weekday: 1 = Monday ... 7 = Sunday. */
    weekday: smallint().notNull(),
    opensAt: time().notNull(),
    closesAt: time().notNull(),
    validFrom: date({ mode: 'string' }),
    validTo: date({ mode: 'string' }),
    note: i18n(),
  },
  (t) => [
    index('schedules_service_idx').on(t.serviceId),
    check('schedules_weekday_range', sql`${t.weekday} between 1 and 7`),
    check(
      'schedules_valid_range',
      sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validFrom} <= ${t.validTo}`,
    ),
  ],
);

/** Dates when a service is closed or keeps other hours: holidays, summer closure, a special evening. */
export const scheduleExceptions = pgTable(
  'schedule_exceptions',
  {
    id: id(),
    serviceId: belongsTo(() => services.id).notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    closed: boolean().notNull().default(true),
    opensAt: time(),
    closesAt: time(),
    note: i18n(),
  },
  (t) => [
    index('schedule_exceptions_service_idx').on(t.serviceId),
    check('schedule_exceptions_range', sql`${t.startsOn} <= ${t.endsOn}`),
    check(
      'schedule_exceptions_hours',
      sql`${t.closed} or (${t.opensAt} is not null and ${t.closesAt} is not null)`,
    ),
  ],
);

/** Public contact persons ("netwerkers") and desks. Only what the organisation chose to publish. */
export const contacts = pgTable(
  'contacts',
  {
    ...partOfListing(),
    serviceId: belongsTo(() => services.id),
    name: text().notNull(),
    title: i18n(),
    email: text(),
    phone: text(),
    languages: textList(),
  },
  (t) => [index('contacts_organisation_idx').on(t.organisationId)],
);

export const phones = pgTable(
  'phones',
  {
    ...partOfListing(),
    serviceId: belongsTo(() => services.id),
    locationId: belongsTo(() => locations.id),
    number: text().notNull(),
    type: phoneTypeEnum().notNull().default('voice'),
    description: i18n(),
    languages: textList(),
  },
  (t) => [index('phones_organisation_idx').on(t.organisationId)],
);

/** The welfare theme taxonomy: themes (no parent) and sub-themes. Reference data, synced at start. */
export const taxonomyTerms = pgTable(
  'taxonomy_terms',
  {
    id: id(),
    /** Stable code, e.g. "housing" or "housing.emergency-shelter". */
    code: text().notNull(),
    parentCode: text(),
    name: i18n().notNull(),
    description: i18n(),
    position: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex('taxonomy_terms_code_key').on(t.code),
    index('taxonomy_terms_parent_idx').on(t.parentCode),
  ],
);

export const serviceThemes = pgTable(
  'service_themes',
  {
    serviceId: belongsTo(() => services.id).notNull(),
    termId: uuid()
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.termId] }), index('service_themes_term_idx').on(t.termId)],
);

export const organisationsRelations = relations(organisations, ({ many }) => ({
  services: many(services),
  locations: many(locations),
  contacts: many(contacts),
  phones: many(phones),
}));

export const servicesRelations = relations(services, ({ one, many }) => ({
  organisation: one(organisations, { fields: [services.organisationId], references: [organisations.id] }),
  serviceAtLocations: many(serviceAtLocations),
  schedules: many(schedules),
  exceptions: many(scheduleExceptions),
  themes: many(serviceThemes),
  contacts: many(contacts),
  phones: many(phones),
}));

export const locationsRelations = relations(locations, ({ one, many }) => ({
  organisation: one(organisations, { fields: [locations.organisationId], references: [organisations.id] }),
  serviceAtLocations: many(serviceAtLocations),
  phones: many(phones),
}));

export const serviceAtLocationsRelations = relations(serviceAtLocations, ({ one }) => ({
  service: one(services, { fields: [serviceAtLocations.serviceId], references: [services.id] }),
  location: one(locations, { fields: [serviceAtLocations.locationId], references: [locations.id] }),
}));

export const schedulesRelations = relations(schedules, ({ one }) => ({
  service: one(services, { fields: [schedules.serviceId], references: [services.id] }),
}));

export const scheduleExceptionsRelations = relations(scheduleExceptions, ({ one }) => ({
  service: one(services, { fields: [scheduleExceptions.serviceId], references: [services.id] }),
}));

export const contactsRelations = relations(contacts, ({ one }) => ({
  organisation: one(organisations, { fields: [contacts.organisationId], references: [organisations.id] }),
  service: one(services, { fields: [contacts.serviceId], references: [services.id] }),
}));

export const phonesRelations = relations(phones, ({ one }) => ({
  organisation: one(organisations, { fields: [phones.organisationId], references: [organisations.id] }),
  service: one(services, { fields: [phones.serviceId], references: [services.id] }),
  location: one(locations, { fields: [phones.locationId], references: [locations.id] }),
}));

export const serviceThemesRelations = relations(serviceThemes, ({ one }) => ({
  service: one(services, { fields: [serviceThemes.serviceId], references: [services.id] }),
  term: one(taxonomyTerms, { fields: [serviceThemes.termId], references: [taxonomyTerms.id] }),
}));
