// Columns every module's tables share, so a table says what is particular to it. Names come from
// the property (snake_case), as for every column.
import { customType, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

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
