// Rooms to share ("share space, meet the small"): organisations publish rooms at their places with
// their hours, others ask for slots, the owners decide; the database keeps confirmed bookings of one
// room from ever overlapping.
import * as spacesSchema from './spaces.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { spacesApi } from './spaces.api.ts';
import { bookingsApi } from './bookings/bookings.api.ts';
import { roomsWeb } from './rooms/rooms.web.ts';
import { findRoomsWeb } from './rooms/find-rooms.web.ts';
import { roomPhotoFilesWeb } from './rooms/room-photo-files.web.ts';
import { bookingsWeb } from './bookings/bookings.web.ts';
import { bookingFileWeb, calendarFeedsWeb } from './calendar/calendars.web.ts';
import { runBookingReminders } from './bookings/run-booking-reminders.ts';
import { roomsSearchSource } from './search/rooms-source.ts';

const errors = moduleErrors('spaces', {
  /** Also for a room id that is not one. */
  ROOM_NOT_FOUND: 404,
  /** Also for a booking that is neither the asker's nor the room owners'. */
  BOOKING_NOT_FOUND: 404,
  /** Another confirmed booking holds (part of) that time. */
  BOOKING_TAKEN: 409,
  /** Approving a request whose time has begun or passed. */
  BOOKING_STARTED: 409,
});

export const spacesModule = {
  name: 'spaces',
  tables: tablesOf(spacesSchema),
  errors,
  searchSources: [roomsSearchSource],
  routes: {
    pages: [findRoomsWeb, roomsWeb, bookingsWeb, bookingFileWeb],
    api: [spacesApi, bookingsApi],
    root: [calendarFeedsWeb, roomPhotoFilesWeb],
  },
  jobs: ({ database, origin, mailQueued }) => [
    {
      // Hourly: each confirmed booking is reminded about a day before it starts.
      name: 'booking-reminders',
      cron: '20 * * * *',
      run: async () => {
        const result = await runBookingReminders(database.db, { now: new Date(), origin });
        mailQueued();
        return result;
      },
    },
  ],
} satisfies ModuleManifest;
