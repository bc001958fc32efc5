// Rooms that organisations open to others, when they are open (RFC 5545 recurrence rules), and the
// bookings of them. Two confirmed bookings of one room never overlap: the migration adds an
// exclusion constraint over the bookings' time ranges, so the database itself refuses the second.
// Foreign keys to other modules' tables are in the migration, so modules stay apart in code.
import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  belongsTo,
  bytea,
  createdAt,
  i18n,
  id,
  moment,
  oneOf,
  textList,
  timestamps,
} from '../../db/columns.ts';
import {
  accessibilityFeatures,
  availabilityKinds,
  bookingStatuses,
  confirmationModes,
  equipmentItems,
  roomConditions,
  roomLimits,
  whoMayAsk,
} from './spaces.vocabulary.ts';

const within = (column: string, values: readonly string[]) =>
  sql.raw(`${column} <@ ARRAY[${values.map((v) => `'${v}'`).join(',')}]::text[]`);
const between = (column: string, limits: { min: number; max: number }) =>
  sql.raw(`${column} between ${limits.min} and ${limits.max}`);

/** A period of time, from its start (included) to its end (excluded). */
export interface Period {
  start: Date;
  end: Date;
}

/** PostgreSQL's tstzrange, always '[start,end)'. */
export const tstzrange = customType<{ data: Period; driverData: string }>({
  dataType: () => 'tstzrange',
  toDriver: (p) => `[${p.start.toISOString()},${p.end.toISOString()})`,
  fromDriver: (value) => {
    const [, start, end] = /^[[(]"?([^",]+)"?,"?([^")]+)"?[\])]$/.exec(value) ?? [];
    if (!start || !end) throw new Error(`not a closed time range: ${value}`);
    const moment = (text: string) => new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
    return { start: moment(start), end: moment(end) };
  },
});

export const rooms = pgTable(
  'rooms',
  {
    id: id(),
    organisationId: uuid().notNull(),
    /** One of the organisation's places (directory locations). */
    locationId: uuid().notNull(),
    name: i18n().notNull(),
    description: i18n().notNull().default({}),
    capacity: integer().notNull(),
    /** Square metres, when known. */
    floorArea: integer(),
    accessibility: textList(),
    equipment: textList(),
    /** Euro cents an hour; 0 for a free room. */
    hourlyPriceCents: integer().notNull().default(0),
    conditions: textList(),
    /** House rules in the owners' own words. */
    conditionsNote: i18n().notNull().default({}),
    whoMayAsk: text({ enum: whoMayAsk }).notNull().default('any_organisation'),
    /** Hours a month one organisation may use the room; null for no limit. */
    monthlyQuotaHours: integer(),
    contactName: text(),
    contactEmail: text(),
    contactPhone: text(),
    minMinutes: integer().notNull().default(60),
    maxMinutes: integer().notNull().default(240),
    /** How long before its start a booking must be asked for. */
    noticeHours: integer().notNull().default(24),
    confirmation: text({ enum: confirmationModes }).notNull().default('approval'),
    /** Made-up rooms of the demo organisations. */
    isDemo: boolean().notNull().default(false),
    createdBy: uuid(),
    ...timestamps(),
  },
  (t) => [
    index('rooms_organisation_idx').on(t.organisationId),
    index('rooms_location_idx').on(t.locationId),
    check('rooms_name_present', sql`${t.name} <> '{}'::jsonb`),
    check('rooms_capacity', between('capacity', roomLimits.capacity)),
    check('rooms_floor_area', between('floor_area', roomLimits.floorArea)),
    check('rooms_price', between('hourly_price_cents', roomLimits.hourlyPriceCents)),
    check('rooms_quota', between('monthly_quota_hours', roomLimits.monthlyQuotaHours)),
    check(
      'rooms_lengths',
      sql`${t.minMinutes} >= ${sql.raw(String(roomLimits.bookingMinutes.min))}
      and ${t.minMinutes} <= ${t.maxMinutes} and ${t.maxMinutes} <= ${sql.raw(String(roomLimits.bookingMinutes.max))}`,
    ),
    check('rooms_notice', between('notice_hours', roomLimits.noticeHours)),
    check('rooms_accessibility_known', within('accessibility', accessibilityFeatures)),
    check('rooms_equipment_known', within('equipment', equipmentItems)),
    check('rooms_conditions_known', within('conditions', roomConditions)),
    check('rooms_who_known', sql`${t.whoMayAsk} in (${oneOf(whoMayAsk)})`),
    check('rooms_confirmation_known', sql`${t.confirmation} in (${oneOf(confirmationModes)})`),
  ],
);

/**
 * When a room is open ('open': a weekly window) or closed ('closed': holidays, works), as an
 * RFC 5545 recurrence ("DTSTART:20261207T180000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH") in local
 * Brussels time (floating, as RFC 5545 allows), each occurrence lasting `minutes`.
 */
export const roomAvailability = pgTable(
  'room_availability',
  {
    id: id(),
    roomId: belongsTo(() => rooms.id).notNull(),
    kind: text({ enum: availabilityKinds }).notNull(),
    rule: text().notNull(),
    minutes: integer().notNull(),
    note: i18n().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    index('room_availability_room_idx').on(t.roomId),
    check('room_availability_kind_known', sql`${t.kind} in (${oneOf(availabilityKinds)})`),
    // A closure may span days (a holiday week); an opening window lasts at most a day.
    check('room_availability_minutes', sql`${t.minutes} between 1 and 527040`),
    check('room_availability_rule', sql`${t.rule} ~ '^DTSTART:[0-9]{8}T[0-9]{6}\\nRRULE:FREQ='`),
  ],
);

export const bookings = pgTable(
  'bookings',
  {
    id: id(),
    roomId: belongsTo(() => rooms.id).notNull(),
    /** The organisation that asks; its foreign key is in the migration. */
    organisationId: uuid().notNull(),
    /** The member who asked, or null when an integration asked with its token. */
    requestedBy: uuid(),
    apiTokenId: uuid(),
    period: tstzrange().notNull(),
    attendees: integer().notNull(),
    /** What the room is for, in the requester's words. */
    purpose: text().notNull().default(''),
    status: text({ enum: bookingStatuses }).notNull(),
    /** Why it was declined or cancelled. */
    reason: text(),
    /** Bookings asked for together, week after week. */
    seriesId: uuid(),
    decidedAt: moment(),
    decidedBy: uuid(),
    /** When both sides were reminded of a confirmed booking, the day before it. */
    remindedAt: moment(),
    ...timestamps(),
  },
  (t) => [
    // The exclusion constraint's GiST index (room, period) holds confirmed bookings only; migration
    // 0017 adds one over requests too. This one answers "which rooms are booked this evening" from
    // the index alone: by time only, with the room carried along (INCLUDE (room_id), written into
    // migration 0020 by hand: drizzle has no INCLUDE). With the room as a second key the planner now
    // and then preferred the constraint's index, room first, and read the whole evening of bookings.
    index('bookings_confirmed_period_idx')
      .using('gist', t.period)
      .where(sql`status = 'confirmed'`),
    index('bookings_organisation_idx').on(t.organisationId, t.createdAt),
    index('bookings_series_idx').on(t.seriesId),
    check('bookings_status_known', sql`${t.status} in (${oneOf(bookingStatuses)})`),
    check(
      'bookings_period',
      sql`not isempty(${t.period}) and not lower_inf(${t.period}) and not upper_inf(${t.period})`,
    ),
    check('bookings_attendees', between('attendees', roomLimits.capacity)),
  ],
);

/**
 * Photos of a room, checked, decoded and encoded again on upload (like logos), served at
 * /room-photos/{id}. `caption` is also the image's text for those who cannot see it.
 */
export const roomPhotos = pgTable(
  'room_photos',
  {
    id: id(),
    roomId: belongsTo(() => rooms.id).notNull(),
    contentType: text().notNull(),
    data: bytea().notNull(),
    /** The copy for lists and phones (at most 480 px), made once on upload, in the same type. */
    smallData: bytea().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    caption: i18n().notNull().default({}),
    /** Order on the room's page; the first is the one search results show. */
    position: integer().notNull().default(0),
    createdBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [index('room_photos_room_idx').on(t.roomId, t.position)],
);

/**
 * Which address an organisation's calendar feed has now: its token is derived from the key ring and
 * this version, so the rooms' managers can make a new address and the old one stops working. No
 * row is version 0, the address from before versions.
 */
export const roomFeedKeys = pgTable('room_feed_keys', {
  organisationId: uuid().primaryKey(),
  version: integer().notNull(),
  changedBy: uuid(),
  changedAt: moment().notNull(),
});
