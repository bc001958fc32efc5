// Events that organisations publish, their dates and who registered; questions to the network,
// their answers, who follows what, and reports of posts. Foreign keys to other modules' tables
// (organisations, locations, users) are in the migration, so modules stay apart in code.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  belongsTo,
  bytea,
  createdAt,
  i18n,
  id,
  moment,
  oneOf,
  textList,
  timestamps,
  tsvector,
  uuidList,
} from '../../db/columns.ts';
import {
  eventKinds,
  eventLimits,
  eventPlaceKinds,
  eventStatuses,
  postLanguages,
  postReportReasons,
  questionVisibilities,
  registrationStatuses,
  whoMayRegister,
} from './network.vocabulary.ts';

export const events = pgTable(
  'events',
  {
    id: id(),
    /** The organisation that publishes it (its editors and admins manage it). */
    organisationId: uuid().notNull(),
    kind: text({ enum: eventKinds }).notNull(),
    title: i18n().notNull(),
    description: i18n().notNull().default({}),
    placeKind: text({ enum: eventPlaceKinds }).notNull(),
    /** One of the organisation's places (directory locations), for placeKind 'place'. */
    locationId: uuid(),
    /** Another address as written, for placeKind 'address'. */
    address: text(),
    /** The commune of the place or address (NIS), for the agenda's filter; null online. */
    communeNis: text(),
    /** The link to join online: shown only to people with a confirmed place. */
    onlineUrl: text(),
    /** The first date's start and end; the other dates follow `rule`. */
    startsAt: moment().notNull(),
    endsAt: moment().notNull(),
    /** An RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=TU;COUNT=10") from the first start in Brussels time; null for one date. */
    rule: text(),
    /** Places per date; null for no limit. */
    capacity: integer(),
    whoMayRegister: text({ enum: whoMayRegister }).notNull().default('everyone'),
    /** Languages spoken there (directory language codes). */
    languages: textList(),
    /** Theme codes of the directory's taxonomy. */
    themes: textList(),
    status: text({ enum: eventStatuses }).notNull().default('published'),
    cancelReason: text(),
    /** Made-up events of the demo organisations. */
    isDemo: boolean().notNull().default(false),
    createdBy: uuid(),
    ...timestamps(),
  },
  (t) => [
    index('events_organisation_idx').on(t.organisationId, t.startsAt),
    check('events_kind_known', sql`${t.kind} in (${oneOf(eventKinds)})`),
    check('events_place_known', sql`${t.placeKind} in (${oneOf(eventPlaceKinds)})`),
    check('events_who_known', sql`${t.whoMayRegister} in (${oneOf(whoMayRegister)})`),
    check('events_status_known', sql`${t.status} in (${oneOf(eventStatuses)})`),
    check('events_title_present', sql`${t.title} <> '{}'::jsonb`),
    check('events_period', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'events_capacity',
      sql.raw(`capacity between ${eventLimits.capacity.min} and ${eventLimits.capacity.max}`),
    ),
    check(
      'events_place',
      sql`(${t.placeKind} = 'place') = (${t.locationId} is not null)
      and (${t.placeKind} = 'address') = (${t.address} is not null)
      and (${t.placeKind} = 'online') = (${t.onlineUrl} is not null)`,
    ),
  ],
);

/**
 * Each date of an event, expanded from its rule when it is saved, so the agenda reads dates by time
 * and each date keeps its own places. `confirmed` and `waitlisted` count its registrations; they
 * change only in the transaction that changes a registration, with this row locked.
 */
export const eventOccurrences = pgTable(
  'event_occurrences',
  {
    id: id(),
    eventId: belongsTo(() => events.id).notNull(),
    startsAt: moment().notNull(),
    endsAt: moment().notNull(),
    /** A date called off on its own (the others stay). */
    cancelledAt: moment(),
    confirmed: integer().notNull().default(0),
    waitlisted: integer().notNull().default(0),
    /** When the people registered for it were reminded, the day before. */
    remindedAt: moment(),
  },
  (t) => [
    uniqueIndex('event_occurrences_event_start_idx').on(t.eventId, t.startsAt),
    index('event_occurrences_start_idx')
      .on(t.startsAt)
      .where(sql`cancelled_at is null`),
    // The search window job: dates whose end time passed (events-source.ts, crossedWindow).
    index('event_occurrences_end_idx')
      .on(t.endsAt)
      .where(sql`cancelled_at is null`),
    check('event_occurrences_period', sql`${t.endsAt} > ${t.startsAt}`),
    check('event_occurrences_counts', sql`${t.confirmed} >= 0 and ${t.waitlisted} >= 0`),
  ],
);

/** Who registered for a date. Never public: the organisers see their list, the person their own. */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: id(),
    occurrenceId: belongsTo(() => eventOccurrences.id).notNull(),
    /** The account that registered, if one did. */
    userId: uuid(),
    name: text().notNull(),
    email: text().notNull(),
    /** The language the person registered in: their e-mails are in it. */
    locale: text().notNull(),
    status: text({ enum: registrationStatuses }).notNull(),
    /** SHA-256 of the secret in the person's link (confirm, cancel, calendar file). */
    tokenHash: bytea().notNull(),
    /** When the address was confirmed (at once for an account's verified address). */
    emailConfirmedAt: moment(),
    /** When it took a place or joined the waitlist: the waitlist's order. */
    placedAt: moment(),
    cancelledAt: moment(),
    createdAt: createdAt(),
  },
  (t) => [
    // One registration per address and date, as long as it is not cancelled.
    uniqueIndex('event_registrations_once_idx')
      .on(t.occurrenceId, sql`lower(${t.email})`)
      .where(sql`status <> 'cancelled'`),
    uniqueIndex('event_registrations_token_idx').on(t.tokenHash),
    index('event_registrations_list_idx').on(t.occurrenceId, t.status, t.placedAt),
    index('event_registrations_user_idx')
      .on(t.userId)
      .where(sql`user_id is not null`),
    check('event_registrations_status_known', sql`${t.status} in (${oneOf(registrationStatuses)})`),
  ],
);

export const questions = pgTable(
  'questions',
  {
    id: id(),
    /** Null once the asker's account is deleted: the question stays for those who answered. */
    authorId: uuid(),
    /** The organisation the asker asked for, shown with their name; null if they left it since. */
    organisationId: uuid(),
    title: text().notNull(),
    body: text().notNull(),
    /** The language it is written in. */
    language: text({ enum: postLanguages }).notNull(),
    themes: textList(),
    communeNis: text(),
    visibility: text({ enum: questionVisibilities }).notNull().default('everyone'),
    /** The answer the asker accepted (its foreign key, to a table declared below, is in the migration). */
    acceptedAnswerId: uuid(),
    /** Visible answers, kept with each change of an answer. */
    answerCount: integer().notNull().default(0),
    /** The last question or answer written: the list's order, and what digests read. */
    lastActivityAt: moment().notNull().defaultNow(),
    hiddenAt: moment(),
    hiddenBy: uuid(),
    hiddenReason: text(),
    /** When its author last changed it (shown as "edited"); null if never. */
    editedAt: moment(),
    /** Made up for a demo start (questions/demo-questions.ts), shown as such; its answers are too. */
    isDemo: boolean().notNull().default(false),
    /** The search module's terms of the question and its visible answers (see questions/question-terms.ts). */
    searchTerms: tsvector().notNull(),
    ...timestamps(),
  },
  (t) => [
    index('questions_activity_idx').on(t.lastActivityAt),
    index('questions_author_idx').on(t.authorId),
    index('questions_terms_idx').using('gin', t.searchTerms),
    index('questions_themes_idx').using('gin', t.themes),
    check('questions_language_known', sql`${t.language} in (${oneOf(postLanguages)})`),
    check('questions_visibility_known', sql`${t.visibility} in (${oneOf(questionVisibilities)})`),
  ],
);

export const answers = pgTable(
  'answers',
  {
    id: id(),
    questionId: belongsTo(() => questions.id).notNull(),
    /** Null once the author's account is deleted. */
    authorId: uuid(),
    organisationId: uuid(),
    body: text().notNull(),
    language: text({ enum: postLanguages }).notNull(),
    /** Services and organisations of the directory the answer points to, shown as cards. */
    serviceIds: uuidList(),
    organisationIds: uuidList(),
    /** When its author last changed it (shown as "edited"); null if never. */
    editedAt: moment(),
    hiddenAt: moment(),
    hiddenBy: uuid(),
    hiddenReason: text(),
    ...timestamps(),
  },
  (t) => [
    index('answers_question_idx').on(t.questionId, t.createdAt),
    index('answers_created_idx').on(t.createdAt),
    check('answers_language_known', sql`${t.language} in (${oneOf(postLanguages)})`),
  ],
);

/** A theme or a question someone follows: the daily digest tells them what is new there. */
export const follows = pgTable(
  'follows',
  {
    id: id(),
    userId: uuid().notNull(),
    themeCode: text(),
    questionId: belongsTo(() => questions.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('follows_theme_idx')
      .on(t.userId, t.themeCode)
      .where(sql`theme_code is not null`),
    uniqueIndex('follows_question_idx')
      .on(t.userId, t.questionId)
      .where(sql`question_id is not null`),
    index('follows_question_readers_idx').on(t.questionId),
    check('follows_one_thing', sql`(${t.themeCode} is null) <> (${t.questionId} is null)`),
  ],
);

/** Up to when each reader's digest has told them what is new. */
export const followDigests = pgTable('follow_digests', {
  userId: uuid().primaryKey(),
  sentUpTo: moment().notNull(),
});

/** Someone says a question or an answer should not be there; moderators decide. */
export const postReports = pgTable(
  'post_reports',
  {
    id: id(),
    questionId: belongsTo(() => questions.id),
    answerId: belongsTo(() => answers.id),
    reason: text({ enum: postReportReasons }).notNull(),
    message: text().notNull().default(''),
    reportedBy: uuid(),
    createdAt: createdAt(),
    resolvedAt: moment(),
    resolvedBy: uuid(),
  },
  (t) => [
    index('post_reports_open_idx')
      .on(t.createdAt)
      .where(sql`resolved_at is null`),
    check('post_reports_reason_known', sql`${t.reason} in (${oneOf(postReportReasons)})`),
    check('post_reports_one_post', sql`(${t.questionId} is null) <> (${t.answerId} is null)`),
  ],
);
