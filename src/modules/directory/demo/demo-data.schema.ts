// The shape of the demo data files (organisations-*.json next to this file). The files are
// hand-written, realistic and fictional: no real organisation's details, no real person.
import Type, { type Static } from 'typebox';
import {
  accessConditions,
  communeNisCodes,
  communities,
  organisationKinds,
  phoneTypes,
  targetGroups,
  verificationStates,
} from '../directory.vocabulary.ts';

const Text = Type.String({ minLength: 1 });
/** A text in the three languages; demo data may leave one out to show the fallback marker. */
const I18n = Type.Object(
  { nl: Type.Optional(Text), fr: Type.Optional(Text), en: Type.Optional(Text) },
  { additionalProperties: false, minProperties: 1 },
);
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Lang = Type.String({ pattern: '^[a-z]{2,3}(-[A-Z]{2})?$' });
const Key = Type.String({ pattern: '^[a-z0-9-]+$' });
const Weekday = Type.Union(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'].map((d) => Type.Literal(d)));
const OneOf = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const DemoHours = Type.Object(
  { days: Type.Array(Weekday, { minItems: 1 }), opens: Time, closes: Time, note: Type.Optional(I18n) },
  { additionalProperties: false },
);

export const DemoException = Type.Object(
  {
    from: Day,
    to: Day,
    closed: Type.Boolean(),
    opens: Type.Optional(Time),
    closes: Type.Optional(Time),
    note: Type.Optional(I18n),
  },
  { additionalProperties: false },
);

export const DemoLocation = Type.Object(
  {
    key: Key,
    name: Type.Optional(I18n),
    /** A real Brussels street with a made-up number, e.g. "Rue de Ribaucourt 27". */
    address: Text,
    postcode: Type.String({ pattern: '^1[0-2][0-9]0$|^108[1-3]$' }),
    locality: Text,
    /** A point on that street; the commune and quartier are derived from it. */
    lat: Type.Number({ minimum: 50.76, maximum: 50.92 }),
    lon: Type.Number({ minimum: 4.24, maximum: 4.49 }),
    accessibility: Type.Optional(I18n),
    transport: Type.Optional(I18n),
  },
  { additionalProperties: false },
);

export const DemoContact = Type.Object(
  {
    name: Text,
    title: Type.Optional(I18n),
    email: Type.Optional(Type.String({ format: 'email' })),
    phone: Type.Optional(Text),
    languages: Type.Array(Lang),
    service: Type.Optional(Key),
  },
  { additionalProperties: false },
);

export const DemoPhone = Type.Object(
  {
    number: Text,
    type: OneOf(phoneTypes),
    description: Type.Optional(I18n),
    languages: Type.Optional(Type.Array(Lang)),
  },
  { additionalProperties: false },
);

export const DemoService = Type.Object(
  {
    key: Key,
    name: I18n,
    description: I18n,
    /** Sub-theme codes from ../data/themes.json, e.g. "income.debt-counselling". */
    themes: Type.Array(Type.String(), { minItems: 1 }),
    targetGroups: Type.Array(OneOf(targetGroups)),
    access: Type.Array(OneOf(accessConditions)),
    languages: Type.Array(Lang, { minItems: 1 }),
    locations: Type.Array(Key, { minItems: 1 }),
    hours: Type.Array(DemoHours),
    exceptions: Type.Optional(Type.Array(DemoException)),
    closedOnPublicHolidays: Type.Optional(Type.Boolean()),
    applicationProcess: Type.Optional(I18n),
    fees: Type.Optional(I18n),
    eligibility: Type.Optional(I18n),
    /** NIS codes of the communes whose residents alone may use it (a CPAS/OCMW's services). */
    residentsOf: Type.Optional(Type.Array(OneOf(communeNisCodes), { minItems: 1 })),
    url: Type.Optional(Type.String({ format: 'uri' })),
    email: Type.Optional(Type.String({ format: 'email' })),
    phones: Type.Optional(Type.Array(DemoPhone)),
    status: Type.Optional(OneOf(['active', 'temporarily_closed'] as const)),
  },
  { additionalProperties: false },
);

export const DemoOrganisation = Type.Object(
  {
    key: Key,
    kind: OneOf(organisationKinds),
    communities: Type.Array(OneOf(communities)),
    name: I18n,
    alternateName: Type.Optional(I18n),
    description: I18n,
    legalStatus: Type.Optional(Text),
    yearIncorporated: Type.Optional(Type.Integer({ minimum: 1800, maximum: 2026 })),
    email: Type.Optional(Type.String({ format: 'email' })),
    website: Type.Optional(Type.String({ format: 'uri' })),
    verification: OneOf(verificationStates),
    lastConfirmed: Day,
    locations: Type.Array(DemoLocation, { minItems: 1 }),
    phones: Type.Optional(Type.Array(DemoPhone)),
    contacts: Type.Array(DemoContact),
    services: Type.Array(DemoService, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const DemoFile = Type.Array(DemoOrganisation);
export type DemoOrganisation = Static<typeof DemoOrganisation>;
export type DemoService = Static<typeof DemoService>;
