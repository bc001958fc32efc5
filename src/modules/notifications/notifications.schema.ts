// Every e-mail is first written here, in the same transaction as what caused it, so none is lost
// when the mail server is down; a sender delivers and marks them. Without SMTP_URL they stay here
// and the development outbox page shows them.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { id, createdAt, moment } from '../../db/columns.ts';

export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    to: text().notNull(),
    locale: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    /** Extra headers, e.g. List-Unsubscribe for mail someone subscribed to. */
    headers: jsonb().$type<Record<string, string>>(),
    createdAt: createdAt(),
    sentAt: moment(),
    attempts: integer().notNull().default(0),
    /** A failed delivery waits longer after each attempt. */
    nextAttemptAt: moment().notNull().defaultNow(),
    lastError: text(),
  },
  (t) => [
    index('outbox_pending_idx')
      .on(t.nextAttemptAt)
      .where(sql`sent_at is null`),
    index('outbox_to_idx').on(t.to),
  ],
);
