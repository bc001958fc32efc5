// The learning module's fixed lists and limits. Labels: "learning.status.<code>", "learning.kind.<code>".
export const pathStatuses = ['draft', 'published'] as const;
export type PathStatus = (typeof pathStatuses)[number];

/** A short text with links, a branching situation, a quiz. */
export const cardKinds = ['text', 'situation', 'quiz'] as const;
export type CardKind = (typeof cardKinds)[number];

/** Where a card leads: the following card in order, the end of the path, or a card's key. */
export const followingCard = '';
export const endOfPath = 'end';

export const learningLimits = {
  slug: { min: 3, max: 60 },
  title: 120,
  summary: 500,
  cards: 30,
  text: 2_000,
  label: 300,
  feedback: 1_000,
  choices: { min: 2, max: 5 },
  options: { min: 2, max: 6 },
  concepts: 10,
  services: 5,
} as const;

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
