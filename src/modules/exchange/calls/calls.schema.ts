// Funding calls in the exchange: published by moderators or by organisations they verified, followed
// by organisations (reminders before the deadline), with the board's requests for help with a call.
// Foreign keys to other modules' tables (organisations, users) are in the migration.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import {
  belongsTo,
  createdAt,
  i18n,
  id,
  moment,
  oneOf,
  textList,
  timestamps,
  tsvector,
} from '../../../db/columns.ts';
import { exchangePosts } from '../exchange.schema.ts';
import { callStatuses, defaultCallZone, funders } from './calls.vocabulary.ts';

export const exchangeCalls = pgTable(
  'exchange_calls',
  {
    id: id(),
    /** The organisation that published it; null when the moderators did. */
    publisherId: uuid(),
    /** Null once the author's account is deleted. */
    authorId: uuid(),
    funder: text({ enum: funders }).notNull(),
    /** Title and summary in nl, fr and/or en: at least a title in one language. */
    title: i18n().notNull(),
    summary: i18n().notNull().default({}),
    /** The amount range in whole euros, each end optional. */
    amountMin: integer(),
    amountMax: integer(),
    /** Whether informal groups (not only registered organisations) may apply. */
    informalEligible: boolean().notNull().default(false),
    kboRequired: boolean().notNull().default(false),
    /** Themes of the directory's taxonomy; none: any sector. */
    themes: textList(),
    /** The communes (NIS codes) it is for, or none when it is for all Brussels. */
    communes: textList(),
    allBrussels: boolean().notNull().default(true),
    opensAt: moment().notNull(),
    closesAt: moment().notNull(),
    /** The IANA zone its dates were written in, and are shown in. */
    timeZone: text().notNull().default(defaultCallZone),
    /** The official text (http or https). */
    link: text().notNull(),
    status: text({ enum: callStatuses }).notNull().default('published'),
    withdrawnAt: moment(),
    withdrawnBy: uuid(),
    version: integer().notNull().default(1),
    /** Made up for a demo start (demo-calls.ts), and shown as such. */
    isDemo: boolean().notNull().default(false),
    searchTerms: tsvector().notNull(),
    ...timestamps(),
  },
  (t) => [
    // The calendar: published calls by deadline.
    index('exchange_calls_calendar_idx')
      .on(t.closesAt, t.id)
      .where(sql`status = 'published'`),
    index('exchange_calls_publisher_idx').on(t.publisherId),
    index('exchange_calls_author_idx').on(t.authorId),
    index('exchange_calls_withdrawn_by_idx').on(t.withdrawnBy),
    index('exchange_calls_terms_idx').using('gin', t.searchTerms),
    index('exchange_calls_communes_idx').using('gin', t.communes),
    check('exchange_calls_funder_known', sql`${t.funder} in (${oneOf(funders)})`),
    check('exchange_calls_status_known', sql`${t.status} in (${oneOf(callStatuses)})`),
    check('exchange_calls_title_present', sql`${t.title} <> '{}'::jsonb`),
    check('exchange_calls_dates', sql`${t.closesAt} > ${t.opensAt}`),
    check(
      'exchange_calls_amounts',
      sql`coalesce(${t.amountMin}, 0) >= 0 and (${t.amountMin} is null or ${t.amountMax} is null or ${t.amountMin} <= ${t.amountMax})`,
    ),
    check('exchange_calls_link', sql`${t.link} ~ '^https?://'`),
    check(
      'exchange_calls_communes_codes',
      sql`array_to_string(${t.communes}, ',') ~ '^([0-9]{5}(,[0-9]{5})*)?$'`,
    ),
    check(
      'exchange_calls_place',
      sql`(${t.allBrussels} and cardinality(${t.communes}) = 0) or (not ${t.allBrussels} and cardinality(${t.communes}) > 0)`,
    ),
    check('exchange_calls_version', sql`${t.version} >= 1`),
  ],
);

/** An organisation follows a call: its members are reminded before the deadline, each reminder once. */
export const exchangeCallFollows = pgTable(
  'exchange_call_follows',
  {
    callId: belongsTo(() => exchangeCalls.id).notNull(),
    organisationId: uuid().notNull(),
    /** Who followed it for the organisation; null once their account is deleted. */
    followedBy: uuid(),
    createdAt: createdAt(),
    /** When the reminders 14 and 3 days before were sent (cleared when the deadline moves). */
    remindedFarAt: moment(),
    remindedNearAt: moment(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.organisationId] }),
    index('exchange_call_follows_organisation_idx').on(t.organisationId),
    index('exchange_call_follows_followed_by_idx').on(t.followedBy),
  ],
);

/** A request on the board for help with a call (a partner or a writer). */
export const exchangeCallHelp = pgTable(
  'exchange_call_help',
  {
    postId: belongsTo(() => exchangePosts.id)
      .notNull()
      .primaryKey(),
    callId: belongsTo(() => exchangeCalls.id).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('exchange_call_help_call_idx').on(t.callId)],
);
