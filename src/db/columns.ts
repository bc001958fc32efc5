// Columns every module's tables share, so a table says what is particular to it. Names come from
// the property (snake_case), as for every column.
import { sql } from 'drizzle-orm';
import { customType, jsonb, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { I18nText } from '../shared/i18n-text.ts';

/** A random UUID primary key. */
export const id = () => uuid().primaryKey().defaultRandom();

/** A moment in time, stored with its time zone. */
export const moment = () => timestamp({ withTimezone: true });

/** When the row was written. */
export const createdAt = () => moment().notNull().defaultNow();

/** When the row last changed. */
export const updatedAt = () => moment().notNull().defaultNow();

/**
 * The id of a row of the same module that this row belongs to: deleting that row deletes this one.
 * Add `.notNull()` where there always is one. (A module's key to another module's table has its
 * foreign key in the migration instead, so modules stay apart in code.)
 */
export const belongsTo = (parent: () => AnyPgColumn) => uuid().references(parent, { onDelete: 'cascade' });

/** When the row was written and when it last changed. */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** Bytes, such as an image checked and encoded again on upload. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** A text per language ({ nl, fr, en, ar? }). */
export const i18n = (name?: string) => (name ? jsonb(name) : jsonb()).$type<I18nText>();

/** A list of texts (codes of a vocabulary, languages), empty unless given. */
export const textList = () =>
  text()
    .array()
    .notNull()
    .default(sql`'{}'`);

/** A list of ids, empty unless given. */
export const uuidList = () =>
  uuid()
    .array()
    .notNull()
    .default(sql`'{}'`);

/** A text search vector of terms analysed by the search module (stems, concepts, themes), stored as they are. */
export const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

/** The SQL list of a vocabulary's values, for a check constraint: `status in (${oneOf(statuses)})`. */
export const oneOf = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * The id of the transaction that wrote the row (xid8, never wrapping): change logs default it to
 * pg_current_xact_id(), so that a reader can tell which entries a snapshot of the log did not see.
 */
export const transactionId = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });
