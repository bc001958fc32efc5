// Offers and requests that organisations post to each other. Foreign keys to other modules' tables
// (organisations, users) are in the migration, so modules stay apart in code. The conversations
// about a post are threads, one per post and responding organisation, with their messages.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { belongsTo, i18n, id, moment, oneOf, textList, timestamps, tsvector } from '../../db/columns.ts';
import { postDirections, postKinds, postStatuses, threadLimits, threadSides } from './exchange.vocabulary.ts';

export const exchangePosts = pgTable(
  'exchange_posts',
  {
    id: id(),
    /** The organisation that offers or asks; its members change it. */
    organisationId: uuid().notNull(),
    /** Null once the author's account is deleted (and for demo posts). */
    authorId: uuid(),
    direction: text({ enum: postDirections }).notNull(),
    kind: text({ enum: postKinds }).notNull(),
    /** Title and text in nl, fr and/or en: at least a title in one language. */
    title: i18n().notNull(),
    body: i18n().notNull().default({}),
    /** Languages asked or offered (ISO 639 codes of the directory's list); for interpreting at least one. */
    languages: textList(),
    /** Themes of the directory's taxonomy. */
    themes: textList(),
    /** The communes (NIS codes) it is for, or none when it is for all Brussels. */
    communes: textList(),
    allBrussels: boolean().notNull().default(false),
    /** The last day it stays on the board (Brussels date). */
    until: date({ mode: 'string' }).notNull(),
    /** Whether informal groups (not only registered organisations) may answer. */
    informalMayAnswer: boolean().notNull().default(true),
    status: text({ enum: postStatuses }).notNull().default('open'),
    fulfilledAt: moment(),
    closedAt: moment(),
    /** Who closed it: one of its organisation's members, or a moderator. */
    closedBy: uuid(),
    /** When its author was reminded that its date comes (once). */
    remindedAt: moment(),
    editedAt: moment(),
    /** Changes with every edit: a form made before a colleague's change is refused. */
    version: integer().notNull().default(1),
    isDemo: boolean().notNull().default(false),
    /** The search module's terms of its texts in every language and its themes. */
    searchTerms: tsvector().notNull(),
    ...timestamps(),
  },
  (t) => [
    // The board: open posts, newest first.
    index('exchange_posts_board_idx')
      .on(t.createdAt)
      .where(sql`status = 'open'`),
    // Matching: the open posts of one kind and direction, with every column the matching weighs,
    // so that it ranks from the index alone (match-posts.ts) and reads only its few matches' rows.
    index('exchange_posts_match_idx')
      .on(
        t.kind,
        t.direction,
        t.until,
        t.allBrussels,
        t.createdAt,
        t.id,
        t.organisationId,
        t.languages,
        t.themes,
        t.communes,
      )
      .where(sql`status = 'open'`),
    index('exchange_posts_organisation_idx').on(t.organisationId, t.createdAt),
    // The expiry job: open posts by date.
    index('exchange_posts_until_idx')
      .on(t.until)
      .where(sql`status = 'open'`),
    index('exchange_posts_terms_idx').using('gin', t.searchTerms),
    index('exchange_posts_languages_idx').using('gin', t.languages),
    index('exchange_posts_themes_idx').using('gin', t.themes),
    index('exchange_posts_communes_idx').using('gin', t.communes),
    // Deleting a user sets these to null: without an index each deletion would read every post.
    index('exchange_posts_author_idx').on(t.authorId),
    index('exchange_posts_closed_by_idx').on(t.closedBy),
    check('exchange_posts_direction_known', sql`${t.direction} in (${oneOf(postDirections)})`),
    check('exchange_posts_kind_known', sql`${t.kind} in (${oneOf(postKinds)})`),
    check('exchange_posts_status_known', sql`${t.status} in (${oneOf(postStatuses)})`),
    check('exchange_posts_title_present', sql`${t.title} <> '{}'::jsonb`),
    // Codes of the right shape (the lists themselves are checked by the use cases).
    check(
      'exchange_posts_languages_codes',
      sql`array_to_string(${t.languages}, ',') ~ '^([a-z]{2,3}(,[a-z]{2,3})*)?$'`,
    ),
    check(
      'exchange_posts_communes_codes',
      sql`array_to_string(${t.communes}, ',') ~ '^([0-9]{5}(,[0-9]{5})*)?$'`,
    ),
    check(
      'exchange_posts_place',
      sql`(${t.allBrussels} and cardinality(${t.communes}) = 0) or (not ${t.allBrussels} and cardinality(${t.communes}) > 0)`,
    ),
    check(
      'exchange_posts_interpreting_languages',
      sql`${t.kind} <> 'interpreting' or cardinality(${t.languages}) > 0`,
    ),
    check('exchange_posts_fulfilled_at', sql`${t.status} <> 'fulfilled' or ${t.fulfilledAt} is not null`),
    check('exchange_posts_version', sql`${t.version} >= 1`),
  ],
);

/** A conversation about a post between its organisation and one organisation that answers it. */
export const exchangeThreads = pgTable(
  'exchange_threads',
  {
    id: id(),
    postId: belongsTo(() => exchangePosts.id).notNull(),
    /** The organisation that answers (never the post's own). */
    organisationId: uuid().notNull(),
    /** Who wrote its first message; null once that account is deleted. */
    startedBy: uuid(),
    createdAt: moment().notNull(),
    /** Its latest message: the conversations list, newest first. */
    lastMessageAt: moment().notNull(),
  },
  (t) => [
    unique('exchange_threads_post_organisation_key').on(t.postId, t.organisationId),
    index('exchange_threads_organisation_idx').on(t.organisationId, t.lastMessageAt),
    index('exchange_threads_started_by_idx').on(t.startedBy),
  ],
);

/** A message in a thread, written for one of its two sides. */
export const exchangeMessages = pgTable(
  'exchange_messages',
  {
    id: id(),
    threadId: belongsTo(() => exchangeThreads.id).notNull(),
    /** Null once the author's account is deleted: the message stays, in its side's name. */
    authorId: uuid(),
    /** poster: the post's organisation; responder: the organisation that answers. */
    side: text({ enum: threadSides }).notNull(),
    body: text().notNull(),
    createdAt: moment().notNull(),
  },
  (t) => [
    index('exchange_messages_thread_idx').on(t.threadId, t.createdAt),
    index('exchange_messages_author_idx').on(t.authorId, t.createdAt),
    check('exchange_messages_side_known', sql`${t.side} in (${oneOf(threadSides)})`),
    check(
      'exchange_messages_body_length',
      sql`char_length(${t.body}) between 1 and ${sql.raw(String(threadLimits.message))}`,
    ),
  ],
);

/** Until when each person has read a thread: what is unread in their conversations list. */
export const exchangeThreadReads = pgTable(
  'exchange_thread_reads',
  {
    threadId: belongsTo(() => exchangeThreads.id).notNull(),
    userId: uuid().notNull(),
    readAt: moment().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.threadId, t.userId] }),
    index('exchange_thread_reads_user_idx').on(t.userId),
  ],
);

/**
 * One row whose number every committed change of posts or calls raises (triggers of migration
 * 0035, run at commit): visitors' pages of the board and the calendar are kept while it stays.
 */
export const exchangeEdition = pgTable('exchange_edition', {
  id: integer().primaryKey(),
  edition: integer().notNull().default(0),
});
