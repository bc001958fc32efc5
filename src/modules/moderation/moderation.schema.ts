// Reports from visitors that a listing is wrong. The foreign key to organisations is in the
// migration, so modules stay apart in code.
import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { reportReasons } from './moderation.vocabulary.ts';
import { id, createdAt, moment } from '../../db/columns.ts';

export const reportReasonEnum = pgEnum('report_reason', reportReasons);

export const reports = pgTable(
  'reports',
  {
    id: id(),
    organisationId: uuid().notNull(),
    reason: reportReasonEnum().notNull(),
    message: text().notNull().default(''),
    createdAt: createdAt(),
    resolvedAt: moment(),
    resolvedBy: uuid(),
  },
  (t) => [
    index('reports_open_idx')
      .on(t.createdAt)
      .where(sql`resolved_at is null`),
    index('reports_organisation_idx').on(t.organisationId),
  ],
);
