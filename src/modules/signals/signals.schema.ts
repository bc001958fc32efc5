// Need signals: what an organisation, an integration or a visitor saw in a neighbourhood. Anonymous
// by design (themes, place, who it concerns, a band of people, a date); the short text is encrypted
// and read only by moderators and the signalling organisation. Foreign keys to other modules' tables
// are in the migration, so modules stay apart in code.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, moment, oneOf } from '../../db/columns.ts';
import { peopleBands, signalOrigins, signalStatuses, targetGroups } from './signals.vocabulary.ts';

export const needSignals = pgTable(
  'need_signals',
  {
    id: id(),
    /** The organisation that signals; null for a visitor's signal. */
    organisationId: uuid(),
    /** Who entered it, for the record and the moderators; null for visitors and integrations. */
    createdBy: uuid(),
    /** The integration's API token, when it came through the API. */
    apiTokenId: uuid(),
    origin: text({ enum: signalOrigins }).notNull(),
    status: text({ enum: signalStatuses }).notNull(),
    /** Theme or sub-theme codes of the taxonomy, one to three. */
    themeCodes: text().array().notNull(),
    communeNis: text().notNull(),
    /** Monitoring des Quartiers code, when the place says it; its commune is `communeNis`. */
    quartierCode: integer(),
    targetGroup: text({ enum: targetGroups }).notNull(),
    peopleBand: text({ enum: peopleBands }).notNull(),
    seenOn: date({ mode: 'string' }).notNull(),
    /** The short text, encrypted (shared/field-encryption.ts); never published. */
    note: text(),
    createdAt: createdAt(),
    /** When a moderator published or rejected a visitor's signal, and who. */
    decidedAt: moment(),
    decidedBy: uuid(),
  },
  (t) => [
    index('need_signals_status_idx').on(t.status, t.createdAt),
    index('need_signals_organisation_idx').on(t.organisationId, t.createdAt),
    check('need_signals_origin_known', sql`${t.origin} in (${oneOf(signalOrigins)})`),
    check('need_signals_status_known', sql`${t.status} in (${oneOf(signalStatuses)})`),
    check('need_signals_group_known', sql`${t.targetGroup} in (${oneOf(targetGroups)})`),
    check('need_signals_band_known', sql`${t.peopleBand} in (${oneOf(peopleBands)})`),
    check('need_signals_themes', sql`cardinality(${t.themeCodes}) between 1 and 3`),
    check('need_signals_seen', sql`${t.seenOn} >= date '2000-01-01'`),
    // A visitor's signal is from no organisation; an organisation's may outlive it (the evidence stays).
    check('need_signals_visitor_anonymous', sql`${t.origin} <> 'visitor' or ${t.organisationId} is null`),
  ],
);
