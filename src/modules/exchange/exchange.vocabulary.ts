// The words of the exchange between organisations. Codes are stored; their names are in messages/
// (exchange.direction.*, exchange.kind.*, exchange.status.*).

/** An organisation offers something, or asks for it. */
export const postDirections = ['offer', 'request'] as const;
export type PostDirection = (typeof postDirections)[number];

/** The other side of a direction: the posts a post is matched with. */
export const otherDirection = (d: PostDirection): PostDirection => (d === 'offer' ? 'request' : 'offer');

/**
 * What is offered or asked: volunteers, interpreters and languages, a room or material, expertise
 * (subsidy writing, accounting…), transport, or anything else.
 */
export const postKinds = [
  'volunteers',
  'interpreting',
  'room_or_material',
  'expertise',
  'transport',
  'other',
] as const;
export type PostKind = (typeof postKinds)[number];

/**
 * open: on the board; fulfilled: its organisation says it found what it looked for (or gave what
 * it offered); closed: taken off by its organisation or a moderator; expired: past its date.
 */
export const postStatuses = ['open', 'fulfilled', 'closed', 'expired'] as const;
export type PostStatus = (typeof postStatuses)[number];

export const postLimits = {
  title: { min: 5, max: 150 },
  body: { max: 4_000 },
  themes: 5,
  communes: 19,
  languages: 10,
  /** A post stays on the board at most this many days. */
  untilDays: 183,
  /** Its author is reminded this many days before its date. */
  remindDays: 7,
} as const;

/** The two sides of a thread: the post's organisation, and the organisation that answers it. */
export const threadSides = ['poster', 'responder'] as const;
export type ThreadSide = (typeof threadSides)[number];

export const threadLimits = {
  /** Characters in a message. */
  message: 4_000,
  /** Messages one account writes in a minute, in all threads together. */
  perMinute: 50,
} as const;

/**
 * Kinds of organisation that are informal groups: they answer only posts that allow it (the same
 * kinds the home page counts as informal).
 */
export const informalKinds: readonly string[] = ['self_organisation', 'citizen_initiative'];
