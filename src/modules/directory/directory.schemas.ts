// Request and response schemas of the directory's routes. They validate input, serialise output and
// make the OpenAPI document, from one source.
import Type, { type Static } from 'typebox';
import { maxPerPage } from '../../shared/pagination.ts';
import { geoReference } from '../geo/index.ts';
import {
  accessConditions,
  communities,
  languageTagPattern,
  organisationKinds,
  phoneTypes,
  serviceStatuses,
  targetGroups,
  verificationStates,
} from './directory.vocabulary.ts';
import { themeRows } from './use-cases/sync-taxonomy.ts';
import { Enum } from '../../shared/schema-enum.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const I18nTextSchema = Type.Object(
  { nl: Type.Optional(Type.String()), fr: Type.Optional(Type.String()), en: Type.Optional(Type.String()) },
  { description: 'A text in Dutch, French and English; any of them may be missing.' },
);
const I18nOrNull = Type.Union([I18nTextSchema, Type.Null()]);

export const themeCodes = themeRows().map((t) => t.code);
export const communeCodes = geoReference().communes.map((c) => c.nis);

export const FilterProperties = {
  theme: Type.Optional(
    Enum(themeCodes, { description: 'Theme or sub-theme code; a theme includes its sub-themes.' }),
  ),
  commune: Type.Optional(
    Enum(communeCodes, { description: 'NIS code of a Brussels commune, e.g. 21009 (Ixelles/Elsene).' }),
  ),
  kind: Type.Optional(Enum(organisationKinds)),
  language: Type.Optional(
    Type.String({ pattern: languageTagPattern, description: 'BCP 47 code of a language spoken, e.g. "ar".' }),
  ),
};

export const PageQuery = Type.Object({
  ...FilterProperties,
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  per_page: Type.Integer({ minimum: 1, maximum: maxPerPage, default: 20 }),
});
export type PageQuery = Static<typeof PageQuery>;

/** "all=1": organisations that list no service yet are shown too (after the others). */
const AllOrganisations = Type.Optional(Type.Literal('1'));

export const DirectoryPageQuery = Type.Object({
  ...FilterProperties,
  all: AllOrganisations,
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
});

export const MapPageQuery = Type.Object({ all: AllOrganisations });

export { IdParams } from '../../http/params.ts';

const Commune = Type.Object({ nis: Type.String(), name: I18nTextSchema });
const Quartier = Type.Object({ code: Type.Integer(), name: I18nTextSchema });

export const LocationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: I18nOrNull,
  address: Nullable(Type.String()),
  postcode: Nullable(Type.String()),
  locality: Nullable(Type.String()),
  latitude: Type.Union([Type.Number(), Type.Null()]),
  longitude: Type.Union([Type.Number(), Type.Null()]),
  commune: Type.Union([Commune, Type.Null()]),
  quartier: Type.Union([Quartier, Type.Null()]),
  accessibility: I18nOrNull,
  transport: I18nOrNull,
});

export const PhoneSchema = Type.Object({
  number: Type.String(),
  type: Enum(phoneTypes),
  description: I18nOrNull,
  languages: Type.Array(Type.String()),
});

export const ContactSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  title: I18nOrNull,
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  languages: Type.Array(Type.String()),
  service_id: Nullable(Type.String()),
});

const ThemeRef = Type.Object({
  code: Type.String(),
  name: I18nTextSchema,
  parent_code: Nullable(Type.String()),
});

export const ScheduleSchema = Type.Object({
  weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday.' }),
  opens_at: Type.String({ description: 'HH:MM, Europe/Brussels.' }),
  closes_at: Type.String({ description: 'HH:MM; at or before opens_at means the next day.' }),
  valid_from: Nullable(Type.String({ format: 'date' })),
  valid_to: Nullable(Type.String({ format: 'date' })),
  location_id: Nullable(Type.String()),
  note: I18nOrNull,
});

export const ExceptionSchema = Type.Object({
  starts_on: Type.String({ format: 'date' }),
  ends_on: Type.String({ format: 'date' }),
  closed: Type.Boolean(),
  opens_at: Nullable(Type.String()),
  closes_at: Nullable(Type.String()),
  note: I18nOrNull,
});

const Links = Type.Object({
  self: Type.String(),
  html: Type.Object({ nl: Type.String(), fr: Type.String(), en: Type.String() }),
});

export const ServiceSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  organisation: Type.Object({ id: Type.String(), name: I18nTextSchema, kind: Enum(organisationKinds) }),
  name: I18nTextSchema,
  alternate_name: I18nOrNull,
  description: I18nTextSchema,
  status: Enum(serviceStatuses),
  url: Nullable(Type.String()),
  email: Nullable(Type.String()),
  application_process: I18nOrNull,
  fees: I18nOrNull,
  eligibility: I18nOrNull,
  target_groups: Type.Array(Enum(targetGroups)),
  access_conditions: Type.Array(Enum(accessConditions)),
  languages: Type.Array(Type.String()),
  themes: Type.Array(ThemeRef),
  locations: Type.Array(LocationSchema),
  schedules: Type.Array(ScheduleSchema),
  exceptions: Type.Array(ExceptionSchema),
  closed_on_public_holidays: Type.Boolean(),
  open_now: Type.Union([Type.Boolean(), Type.Null()], {
    description: 'Null when no opening hours are published.',
  }),
  contacts: Type.Array(ContactSchema),
  phones: Type.Array(PhoneSchema),
  last_confirmed_at: Nullable(Type.String({ format: 'date' })),
  updated_at: Type.String(),
  links: Links,
});

export const OrganisationSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: I18nTextSchema,
  description: I18nTextSchema,
  kind: Enum(organisationKinds),
  verification: Enum(verificationStates),
  last_confirmed_at: Nullable(Type.String({ format: 'date' })),
  is_demo: Type.Boolean(),
  communes: Type.Array(Type.String(), { description: 'NIS codes of the communes of its locations.' }),
  themes: Type.Array(Type.String(), { description: 'Theme codes of its active services.' }),
  languages: Type.Array(Type.String()),
  service_count: Type.Integer(),
  links: Links,
});

export const OrganisationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: I18nTextSchema,
  alternate_name: I18nOrNull,
  description: I18nTextSchema,
  kind: Enum(organisationKinds),
  communities: Type.Array(Enum(communities)),
  kbo_number: Nullable(
    Type.String({ description: 'KBO/BCE enterprise number, ten digits; null for informal groups.' }),
  ),
  legal_status: Nullable(Type.String()),
  year_incorporated: Type.Union([Type.Integer(), Type.Null()]),
  email: Nullable(Type.String()),
  website: Nullable(Type.String()),
  verification: Enum(verificationStates),
  last_confirmed_at: Nullable(Type.String({ format: 'date' })),
  is_demo: Type.Boolean(),
  provenance: Type.Object({
    source: Type.String(),
    source_id: Nullable(Type.String()),
    imported_at: Nullable(Type.String()),
  }),
  locations: Type.Array(LocationSchema),
  contacts: Type.Array(ContactSchema),
  phones: Type.Array(PhoneSchema),
  services: Type.Array(
    Type.Object({
      id: Type.String(),
      name: I18nTextSchema,
      status: Enum(serviceStatuses),
      themes: Type.Array(Type.String()),
    }),
  ),
  updated_at: Type.String(),
  links: Links,
});

export const PageMeta = Type.Object({
  page: Type.Integer(),
  per_page: Type.Integer(),
  total: Type.Integer(),
  total_pages: Type.Integer(),
});

export const PageLinks = Type.Object({
  self: Type.String(),
  first: Type.String(),
  last: Type.String(),
  prev: Nullable(Type.String()),
  next: Nullable(Type.String()),
});

export const paged = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ data: Type.Array(item), meta: PageMeta, links: PageLinks });

export const TaxonomySchema = Type.Object({
  data: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: I18nTextSchema,
      children: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: I18nTextSchema })),
    }),
  ),
});

export const MapQuery = Type.Object({
  ...FilterProperties,
  with_services: Type.Optional(
    Type.Boolean({ description: 'Only organisations that list at least one active service.' }),
  ),
});

export const MapSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) }),
      properties: Type.Object({
        organisation_id: Type.String(),
        location_id: Type.String(),
        name: I18nTextSchema,
        kind: Enum(organisationKinds),
        commune: Nullable(Type.String()),
      }),
    }),
  ),
});

export const ErrorSchema = Type.Object({
  error: Type.String({ description: 'Stable error code, e.g. VALIDATION_FAILED.' }),
  message: Type.String(),
  fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});
