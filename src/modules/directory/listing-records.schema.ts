// What the directory keeps about its listings besides their content: the change log that keeps
// search indexes current, every version of a listing, confirmations, vouches and logos.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { organisations } from './directory.schema.ts';
import { belongsTo, bytea, createdAt, id, moment, transactionId, updatedAt } from '../../db/columns.ts';

/**
 * Which organisations changed, in order. Triggers (migration 0003) append to it on every write to
 * the directory's tables; each app process follows it to keep its search index current.
 */
export const directoryChanges = pgTable(
  'directory_changes',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    organisationId: uuid().notNull(),
    changedAt: moment().notNull().defaultNow(),
    /** The transaction that wrote the entry: readers follow the log by snapshot (search.repo.ts). */
    xid: transactionId()
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index('directory_changes_changed_at_idx').on(t.changedAt),
    index('directory_changes_xid_idx').on(t.xid),
  ],
);

/**
 * One row whose number every committed change of the directory's listings raises (triggers of
 * migration 0040, run at commit): visitors' organisation and service pages are kept while it stays.
 */
export const directoryEdition = pgTable('directory_edition', {
  id: integer().primaryKey(),
  edition: integer().notNull().default(0),
});

/**
 * Every change made to a listing through the platform: who, when, which fields, before and after.
 * Imports and demo data are not versioned here (their provenance says where they came from).
 */
export const listingVersions = pgTable(
  'listing_versions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** 'organisation' or 'service'. */
    recordType: text().notNull(),
    recordId: uuid().notNull(),
    /** The organisation the record belongs to, for its history page. */
    organisationId: uuid().notNull(),
    actorId: uuid(),
    at: moment().notNull().defaultNow(),
    /** 'update' or 'rollback' (of the version in `rolledBack`). */
    action: text().notNull(),
    changes: jsonb().$type<Record<string, { before: unknown; after: unknown }>>().notNull(),
    rolledBack: bigint({ mode: 'number' }),
  },
  (t) => [
    index('listing_versions_organisation_idx').on(t.organisationId, t.id),
    index('listing_versions_record_idx').on(t.recordType, t.recordId, t.id),
  ],
);

/**
 * "Is this listing still correct?" links sent to organisations. The link opens a page with one
 * button; the token is stored hashed.
 */
export const listingConfirmations = pgTable(
  'listing_confirmations',
  {
    id: id(),
    organisationId: belongsTo(() => organisations.id).notNull(),
    tokenHash: text().notNull(),
    /** When the reminder was sent. */
    createdAt: createdAt(),
    expiresAt: moment().notNull(),
    usedAt: moment(),
  },
  (t) => [
    uniqueIndex('listing_confirmations_token_key').on(t.tokenHash),
    index('listing_confirmations_organisation_idx').on(t.organisationId, t.createdAt),
  ],
);

/** A verified organisation vouches for an informal one it knows: shown on the latter's listing. */
export const vouches = pgTable(
  'vouches',
  {
    organisationId: belongsTo(() => organisations.id).notNull(),
    voucherId: belongsTo(() => organisations.id).notNull(),
    /** The person who vouched, for the record; no foreign key so the vouch outlives the account. */
    vouchedBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.voucherId] }),
    index('vouches_voucher_idx').on(t.voucherId),
    check('vouches_not_self', sql`${t.organisationId} <> ${t.voucherId}`),
  ],
);

/** Logos, checked for type and size on upload, served at /logos/{organisation id}. */
export const organisationLogos = pgTable('organisation_logos', {
  organisationId: belongsTo(() => organisations.id).primaryKey(),
  contentType: text().notNull(),
  data: bytea().notNull(),
  updatedAt: updatedAt(),
});
