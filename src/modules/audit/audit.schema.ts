// The append-only record of security events. A trigger (migration) refuses every update, delete and
// truncate, so not even the application can rewrite what happened.
import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { moment } from '../../db/columns.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: moment().notNull().defaultNow(),
    /** Who did it; no foreign key, so the record outlives the account. */
    actorId: uuid(),
    /** The address the actor used (for failed log-ins, the one that was typed). */
    actorEmail: text(),
    /** What happened, e.g. "login.failed" or "membership.role_changed". */
    event: text().notNull(),
    subjectType: text(),
    subjectId: text(),
    ip: text(),
    details: jsonb()
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId, t.at),
  ],
);
