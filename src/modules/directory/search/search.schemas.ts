// The search API's and page's schemas: the query with its filters (the type among them), a result
// of any type, facets, suggestions.
import Type, { type Static } from 'typebox';
import { maxPerPage } from '../../../shared/pagination.ts';
import { Enum } from '../../../shared/schema-enum.ts';
import { geoReference } from '../../geo/index.ts';
import { docTypes } from '../../search/index.ts';
import { accessConditions, organisationKinds, targetGroups } from '../directory.vocabulary.ts';
import { FilterProperties, I18nTextSchema, PageMeta } from '../directory.schemas.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const quartierCodes = geoReference().quartiers.map((q) => q.code);

export const SearchQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: 1000,
      description: 'Words in Dutch, French or English; typos and abbreviations are fine.',
    }),
  ),
  type: Type.Optional(
    Type.Array(Enum(docTypes), {
      maxItems: docTypes.length,
      description:
        'What to find: services, organisations, events, questions, good practices, glossary terms, rooms, offers, funding calls; several: any of them. Absent: all.',
    }),
  ),
  ...FilterProperties,
  quartier: Type.Optional(
    Type.Unsafe<number>({
      type: 'integer',
      enum: quartierCodes,
      description: 'Monitoring des Quartiers code.',
    }),
  ),
  target: Type.Optional(Enum(targetGroups)),
  access: Type.Optional(
    Type.Array(Enum(accessConditions), { maxItems: accessConditions.length, description: 'All must hold.' }),
  ),
  open: Type.Optional(
    Type.Array(Enum(['now', 'evening', 'weekend'] as const), {
      maxItems: 3,
      description:
        'now: open at this moment; evening: open after 18:00; weekend: open on Saturday or Sunday (Brussels time).',
    }),
  ),
  near: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'A Brussels postcode, commune, quartier, street (with or without its number and postcode), railway or metro station, or well-known square.',
    }),
  ),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  radius_km: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 50 })),
  sort: Type.Optional(Enum(['relevance', 'distance'] as const)),
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  per_page: Type.Integer({ minimum: 1, maximum: maxPerPage, default: 20 }),
});
export type SearchQuery = Static<typeof SearchQuery>;

const FacetValues = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

const SearchResultItem = Type.Object({
  type: Enum(docTypes),
  id: Type.String(),
  name: I18nTextSchema,
  organisation: Type.Union(
    [Type.Object({ id: Type.String(), name: I18nTextSchema, kind: Enum(organisationKinds) }), Type.Null()],
    { description: 'The directory organisation of a service or organisation; null for other types.' },
  ),
  owner_name: Type.Union([I18nTextSchema, Type.Null()], {
    description:
      'Who offers an event, room, offer, call …, where known; null for services and organisations.',
  }),
  date: Type.Union([Type.String(), Type.Null()], {
    description: 'When an event happens, a question was asked, …; null when it has no date.',
  }),
  description: I18nTextSchema,
  themes: Type.Array(Type.String()),
  communes: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  access_conditions: Type.Array(Type.String()),
  residents_of: Type.Array(Type.String(), {
    description:
      'NIS codes of the communes whose residents alone may use the service (a CPAS/OCMW); empty: anyone.',
  }),
  verified: Type.Boolean(),
  last_confirmed_at: Nullable(Type.String()),
  open_now: Type.Union([Type.Boolean(), Type.Null()]),
  distance_km: Type.Union([Type.Number(), Type.Null()]),
  score: Type.Number(),
  matched_terms: Type.Array(Type.String(), {
    description: 'Index terms that matched, for highlighting.',
  }),
  links: Type.Object({
    self: Nullable(Type.String()),
    html: Type.Object({ nl: Type.String(), fr: Type.String(), en: Type.String() }),
  }),
});

export const SearchResultSchema = Type.Object({
  data: Type.Array(SearchResultItem),
  meta: PageMeta,
  facets: Type.Object(
    Object.fromEntries(
      ['type', 'theme', 'commune', 'quartier', 'kind', 'language', 'target', 'access', 'open'].map((k) => [
        k,
        FacetValues,
      ]),
    ),
  ),
  place: Type.Union([
    Type.Object({ lat: Type.Number(), lon: Type.Number(), label: Type.String() }),
    Type.Null(),
  ]),
  place_filter: Type.Union(
    [
      Type.Object({
        label: Type.String(),
        kind: Enum(['postcode', 'commune', 'station', 'landmark', 'quartier', 'street'] as const),
        named: Type.String({ description: 'The words of `q` that named the place.' }),
        rest: Type.String({ description: 'The other words of `q`, searched as words.' }),
        radius_km: Type.Union([Type.Number(), Type.Null()], {
          description:
            'Results within this distance of a station or landmark; null for a commune or quartier.',
        }),
      }),
      Type.Null(),
    ],
    {
      description:
        'A commune, quartier, railway station or landmark named in `q` ("logement Molenbeek"), searched as a place: results lie there, and the rest of `q` is matched as words. Null when `q` names none, or when `commune` or `quartier` is given. To search without it, send `rest` as `q`.',
    },
  ),
  nearest: Type.Array(SearchResultItem, {
    description:
      'When the place named in `q` has no result: the nearest results outside it, nearest first, with their distance from the place.',
  }),
  understood: Type.Array(Type.String(), { description: 'Thesaurus concepts recognised in the query.' }),
  partial: Type.Boolean({ description: 'True when no result matched every word and these match some.' }),
  did_you_mean: Type.Array(Type.String()),
  drop_filters: Type.Array(Type.Object({ filter: Type.String(), total: Type.Integer() })),
});

export const SuggestQuery = Type.Object({
  q: Type.String({ maxLength: 200, default: '' }),
  locale: Type.Optional(Enum(['nl', 'fr', 'en'] as const)),
});

export const SuggestSchema = Type.Object({
  data: Type.Array(
    Type.Object({
      text: Type.String(),
      type: Enum([...docTypes, 'concept'] as const),
      id: Nullable(Type.String()),
    }),
  ),
});
