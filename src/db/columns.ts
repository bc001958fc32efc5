// Columns every module's tables share, so a table says what is particular to it. Names come from
// the property (snake_case), as for every column.
import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** A random UUID primary key. */
export const id = () => uuid().primaryKey().defaultRandom();

/** A moment in time, stored with its time zone. */
export const moment = () => timestamp({ withTimezone: true });

/** When the row was written. */
export const createdAt = () => moment().notNull().defaultNow();
