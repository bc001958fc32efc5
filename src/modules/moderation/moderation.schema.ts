// Reports from visitors that a listing is wrong. The foreign key to organisations is in the
// migration, so modules stay apart in code.
import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { reportReasons } from './moderation.vocabulary.ts';

export const reportReasonEnum = pgEnum('report_reason', reportReasons);

export const reports = pgTable(
  'reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid().notNull(),
    reason: reportReasonEnum().notNull(),
    message: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid(),
  },
  (t) => [
    index('reports_open_idx')
      .on(t.createdAt)
      .where(sql`resolved_at is null`),
    index('reports_organisation_idx').on(t.organisationId),
  ],
);
