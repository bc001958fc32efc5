// Learning paths for volunteers: a path's texts and its cards, the organisations the moderators
// allowed to compose paths, each signed-in learner's progress, and the anonymous counts of the
// choices made. Foreign keys to other modules' tables (organisations, users) are in the migration.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { belongsTo, createdAt, id, moment, oneOf, timestamps } from '../../db/columns.ts';
import type { I18nText } from '../../shared/i18n-text.ts';
import type { Card } from './paths/cards.ts';
import { pathStatuses } from './learning.vocabulary.ts';

export const learningPaths = pgTable(
  'learning_paths',
  {
    id: id(),
    /** Its address, /{lang}/learn/{slug}. */
    slug: text().notNull(),
    title: jsonb().$type<I18nText>().notNull(),
    summary: jsonb().$type<I18nText>().notNull().default({}),
    status: text({ enum: pathStatuses }).notNull().default('draft'),
    /** The organisation that composes it (its admins and editors, while allowed); null for the moderators'. */
    organisationId: uuid(),
    createdBy: uuid(),
    /**
     * The cards in order, as validated JSON rather than rows: a path is always read and written whole
     * (a learner's page needs the card and where its choices lead; every change is checked against
     * the whole graph, every card reachable from the first), it is small (at most 30 cards), and a
     * change replaces the list in one statement, under `version`, so no half-changed path is ever
     * read. The cards' keys stay stable across changes: progress and the choice counts name them.
     */
    cards: jsonb().$type<Card[]>().notNull().default([]),
    /** Raised by every change; an edit posted from an older version is refused (CONFLICT). */
    version: integer().notNull().default(1),
    publishedAt: moment(),
    /** The demo path of a demo start. */
    isDemo: boolean().notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('learning_paths_slug_idx').on(t.slug),
    check('learning_paths_status_known', sql`${t.status} in (${oneOf(pathStatuses)})`),
    check('learning_paths_cards_array', sql`jsonb_typeof(${t.cards}) = 'array'`),
  ],
);

/** The organisations a moderator allowed to compose paths. */
export const learningComposers = pgTable('learning_composers', {
  organisationId: uuid().primaryKey(),
  allowedBy: uuid(),
  allowedAt: createdAt(),
});

/** Where a signed-in learner is in a path (a visitor's progress is a signed cookie instead). */
export const learningProgress = pgTable(
  'learning_progress',
  {
    userId: uuid().notNull(),
    pathId: belongsTo(() => learningPaths.id).notNull(),
    /** The card to go on with; null once the path is finished. */
    cardKey: text(),
    /** When the learner last reached the end. */
    completedAt: moment(),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.pathId] })],
);

/**
 * How often each choice of a situation and each option of a quiz was taken: counts only, with no
 * user, session, address or time, so authors see which situations confuse people. The counts are
 * written in batches that add up several learners' steps (learner/choice-tally.ts), and the
 * authors' page shows a card's counts only from a few answers on; with few learners, a count may
 * still hint at what someone chose. `choiceKey` is a choice's or an option's key, or
 * "right"/"wrong" for a quiz's whole answers.
 */
export const learningChoiceCounts = pgTable(
  'learning_choice_counts',
  {
    pathId: belongsTo(() => learningPaths.id).notNull(),
    cardKey: text().notNull(),
    choiceKey: text().notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.pathId, t.cardKey, t.choiceKey] })],
);
