// Closed vocabularies of the directory. Their labels live in the i18n files under the same codes
// (e.g. "directory.kind.self_organisation"), so adding a value here means adding its nl/fr/en labels there.

export const organisationKinds = [
  'formal',
  'self_organisation',
  'citizen_initiative',
  'faith_community',
  'sports_culture_club',
  'public_service',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Which Brussels community (or the federal level) recognises or funds the organisation. */
export const communities = ['VGC', 'COCOF', 'COCOM', 'federal'] as const;
export type Community = (typeof communities)[number];

/** The NIS codes of the 19 communes of the Brussels-Capital Region (the geo module names them). */
export const communeNisCodes = Array.from({ length: 19 }, (_, i) => String(21001 + i));

export const verificationStates = ['unverified', 'verified'] as const;
export type VerificationState = (typeof verificationStates)[number];

export const serviceStatuses = ['active', 'temporarily_closed', 'inactive', 'defunct'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

export const phoneTypes = ['voice', 'cell', 'text', 'fax', 'video', 'textphone'] as const;
export type PhoneType = (typeof phoneTypes)[number];

export const accessConditions = [
  'free',
  'no_appointment',
  'anonymous',
  'no_papers_needed',
  'wheelchair_accessible',
] as const;
export type AccessCondition = (typeof accessConditions)[number];

export const targetGroups = [
  'everyone',
  'children',
  'youth',
  'young_adults',
  'families',
  'women',
  'men',
  'seniors',
  'newcomers',
  'undocumented',
  'asylum_seekers',
  'homeless',
  'disability',
  'addiction',
  'low_income',
  'jobseekers',
  'students',
  'lgbtqi',
  'victims_of_violence',
  'sex_workers',
  'detainees',
  'roma_travellers',
  'carers',
] as const;
export type TargetGroup = (typeof targetGroups)[number];

/**
 * Languages offered in the directory's language filter, in the order of how often they are asked
 * for in Brussels' social sector. Codes are BCP 47; services may list others too.
 */
export const commonLanguages = [
  'fr',
  'nl',
  'en',
  'ar',
  'tr',
  'es',
  'pt',
  'it',
  'pl',
  'ro',
  'bg',
  'ru',
  'uk',
  'rif',
  'zgh',
  'fa',
  'prs',
  'ps',
  'so',
  'ti',
  'am',
  'ln',
  'sw',
  'sq',
  'de',
  'ur',
  'bn',
  'zh',
  'vgt',
  'sfb',
] as const;

/** A BCP 47 language tag as the directory accepts it: a primary subtag, optionally a region. */
export const languageTagPattern = '^[a-z]{2,3}(-[A-Z]{2})?$';

/** Informal kinds, for which a vouch says something a KBO/BCE number cannot. */
export const vouchableKinds: readonly OrganisationKind[] = [
  'self_organisation',
  'citizen_initiative',
  'faith_community',
  'sports_culture_club',
];
