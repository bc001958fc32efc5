// The words of network events and questions. Codes are stored; their names are in messages/
// (network.kind.*, network.who.*, network.place.*, network.registration.*, network.visibility.*).

/** What an event is: the moments the field reports ask for to get to know each other. */
export const eventKinds = [
  'network_day',
  'job_shadowing',
  'intervision',
  'training',
  'open_day',
  'local_consultation',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** Where it happens: at one of the organisation's places, at another address, or online. */
export const eventPlaceKinds = ['place', 'address', 'online'] as const;
export type EventPlaceKind = (typeof eventPlaceKinds)[number];

/** Who may register: anyone (with or without an account), or members of organisations only. */
export const whoMayRegister = ['everyone', 'members'] as const;
export type WhoMayRegister = (typeof whoMayRegister)[number];

export const eventStatuses = ['published', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/**
 * A registration waits for its e-mail address to be confirmed ('unconfirmed'; an account's verified
 * address needs none), then holds a place ('confirmed') or waits for one ('waitlisted'), until cancelled.
 */
export const registrationStatuses = ['unconfirmed', 'confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** Who sees a question and its answers: everyone, or signed-in members of organisations. */
export const questionVisibilities = ['everyone', 'members'] as const;
export type QuestionVisibility = (typeof questionVisibilities)[number];

/** The languages a question or an answer is written in (the search analyses it in that language). */
export const postLanguages = ['nl', 'fr', 'en'] as const;
export type PostLanguage = (typeof postLanguages)[number];

/** Why a post is reported. */
export const postReportReasons = ['spam', 'offensive', 'personal_data', 'wrong', 'other'] as const;
export type PostReportReason = (typeof postReportReasons)[number];

export const eventLimits = {
  /** People per date. */
  capacity: { min: 1, max: 5000 },
  /** Dates one event may have: a weekly event for two years, not ten thousand. */
  occurrences: { max: 110 },
  /** An event's dates lie within two years of its first. */
  spanDays: 731,
  /** A single date lasts at most two weeks (a training week). */
  lengthMinutes: { min: 15, max: 20160 },
  title: 200,
  description: 10_000,
  address: 300,
} as const;

export const postLimits = {
  title: { min: 10, max: 200 },
  body: { min: 1, max: 10_000 },
  /** Services and organisations one answer may show as cards. */
  links: 10,
  reportMessage: 1000,
} as const;
