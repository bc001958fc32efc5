// Referrals between organisations, their shared timeline, and who has seen what (the organisations'
// API tokens, first written here, are the access module's). Text about a person is stored encrypted (see referral-fields.ts) and set to null when
// purged; what stays after a purge is anonymous: status, theme, commune, kinds, dates and outcome.
// Foreign keys to other modules' tables are in the migration (0010), so modules stay apart in code.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  consentMethods,
  contactChannels,
  declineReasons,
  eventKinds,
  outcomes,
  referralStatuses,
  urgencies,
} from './referrals.vocabulary.ts';
import { belongsTo, id, moment } from '../../db/columns.ts';

export const referralStatusEnum = pgEnum('referral_status', referralStatuses);
export const declineReasonEnum = pgEnum('referral_decline_reason', declineReasons);
export const outcomeEnum = pgEnum('referral_outcome', outcomes);
export const urgencyEnum = pgEnum('referral_urgency', urgencies);
export const contactChannelEnum = pgEnum('referral_contact_channel', contactChannels);
export const consentMethodEnum = pgEnum('referral_consent_method', consentMethods);
export const eventKindEnum = pgEnum('referral_event_kind', eventKinds);

export const referrals = pgTable(
  'referrals',
  {
    id: id(),
    fromOrganisationId: uuid().notNull(),
    toOrganisationId: uuid().notNull(),
    /** The service the referral was started from, if any. */
    serviceId: uuid(),
    /** The organisations' kinds when the referral was made, for statistics on flows. */
    fromKind: text().notNull(),
    toKind: text().notNull(),
    status: referralStatusEnum().notNull(),
    themeCode: text().notNull(),
    /** NIS code of the person's commune, when given; anonymous at this grain and kept for statistics. */
    communeNis: text(),
    /**
     * Monitoring des Quartiers code of the person's quartier, when given (0014); its commune is then
     * the quartier's. Anonymous at this grain and kept for statistics, like the commune.
     */
    quartierCode: integer(),
    /** The referral this one follows, when the person was referred elsewhere after it (0014). */
    followsReferralId: uuid(),
    urgency: urgencyEnum().notNull(),

    // About the person: encrypted, null once purged.
    personName: text(),
    personLanguages: text().array(),
    contactChannel: contactChannelEnum(),
    contactDetail: text(),
    need: text(),
    consentMethod: consentMethodEnum(),
    consentPurpose: text(),
    consentUntil: date({ mode: 'string' }),
    consentRecordedBy: uuid(),

    declineReason: declineReasonEnum(),
    outcome: outcomeEnum(),
    createdBy: uuid(),
    createdAt: moment().notNull(),
    sentAt: moment(),
    firstAnswerAt: moment(),
    remindedAt: moment(),
    closedAt: moment(),
    consentWithdrawnAt: moment(),
    purgedAt: moment(),
    /** Moves with every event, so "new since you last looked" is one comparison. */
    updatedAt: moment().notNull(),
  },
  (t) => [
    index('referrals_from_idx').on(t.fromOrganisationId, t.updatedAt),
    index('referrals_to_idx')
      .on(t.toOrganisationId, t.updatedAt)
      .where(sql`sent_at is not null`),
    index('referrals_waiting_idx')
      .on(t.sentAt)
      .where(sql`status = 'sent'`),
    index('referrals_to_purge_idx')
      .on(t.closedAt)
      .where(sql`purged_at is null`),
    check('referrals_two_organisations', sql`${t.fromOrganisationId} <> ${t.toOrganisationId}`),
    check(
      'referrals_person_until_purged',
      sql`${t.purgedAt} is not null or (${t.personName} is not null and ${t.need} is not null and ${t.consentPurpose} is not null)`,
    ),
    check('referrals_outcome_when_completed', sql`(${t.status} = 'completed') = (${t.outcome} is not null)`),
  ],
);

/** The timeline both organisations see: status changes, reminders and messages. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid().primaryKey(),
    /** The order of events; several can share a moment (created and sent). */
    seq: bigserial({ mode: 'number' }).notNull(),
    referralId: belongsTo(() => referrals.id).notNull(),
    at: moment().notNull(),
    kind: eventKindEnum().notNull(),
    /** Null for the platform's own events (reminders, expiry, purges). */
    actorId: uuid(),
    actorOrganisationId: uuid(),
    /** Set when the change came through the API with this token. */
    apiTokenId: uuid(),
    details: jsonb()
      .$type<{ reason?: string; outcome?: string; linkedReferralId?: string }>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** A message or a note with the change, encrypted; null once purged. */
    body: text(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.seq)],
);

/** When each person last opened a referral: what changed since is marked new. */
export const referralReads = pgTable(
  'referral_reads',
  {
    referralId: belongsTo(() => referrals.id).notNull(),
    userId: uuid().notNull(),
    seenAt: moment().notNull(),
  },
  (t) => [primaryKey({ columns: [t.referralId, t.userId] })],
);
