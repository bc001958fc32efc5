// The words of a need signal: what an organisation (or a visitor) saw in a neighbourhood, never about
// a person. Codes are stored; their names are in messages/ (signals.band.*, signals.group.*).

/** Roughly how many people: bands, never a count, so a signal cannot point at a family. */
export const peopleBands = ['1', '2_5', '6_20', '21_100', 'over_100'] as const;
export type PeopleBand = (typeof peopleBands)[number];

/** Who the need concerns, as the field names them. */
export const targetGroups = [
  'everyone',
  'children',
  'young_people',
  'families',
  'older_people',
  'women',
  'newcomers',
  'undocumented',
  'homeless',
  'disability',
] as const;
export type TargetGroup = (typeof targetGroups)[number];

/** Visitors' signals wait for a moderator; members' and integrations' count at once. */
export const signalStatuses = ['published', 'pending', 'rejected'] as const;
export type SignalStatus = (typeof signalStatuses)[number];

export const signalOrigins = ['member', 'visitor', 'api'] as const;
export type SignalOrigin = (typeof signalOrigins)[number];

/** At most this many themes per signal: one need, seen from a few sides. */
export const maxThemes = 3;
/** The short text: a few sentences, never a case file. */
export const noteLimit = 1_000;
/** Nothing seen before this is a signal of today's needs. */
export const earliestSeen = '2000-01-01';
