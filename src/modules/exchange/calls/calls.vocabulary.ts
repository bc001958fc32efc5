// The words of funding calls. Codes are stored; their names are in messages/ (exchange.funder.*).

/** Who funds: the Brussels communities and region, the federal level, a city or commune, a foundation, the EU, a crowdfunding platform. */
export const funders = [
  'vgc',
  'cocof',
  'cocom',
  'region',
  'federal',
  'commune',
  'foundation',
  'eu',
  'crowdfunding',
] as const;
export type Funder = (typeof funders)[number];

/** published: in the calendar; withdrawn: taken off by its publisher or a moderator. */
export const callStatuses = ['published', 'withdrawn'] as const;
export type CallStatus = (typeof callStatuses)[number];

export const callLimits = {
  title: { min: 5, max: 200 },
  summary: { max: 4_000 },
  link: 2_000,
  themes: 10,
  /** Amounts in whole euros. */
  amount: 100_000_000,
  /** A call closes at most this many days after it is published. */
  closesWithinDays: 731,
  /** Following organisations are reminded these many days before the deadline. */
  remindDays: [14, 3] as const,
} as const;

/** The zone a call's dates are written in unless its publisher says otherwise. */
export const defaultCallZone = 'Europe/Brussels';
