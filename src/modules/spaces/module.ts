// Rooms to share ("share space, meet the small"): organisations publish rooms at their places with
// their hours, others ask for slots, the owners decide; the database keeps confirmed bookings of one
// room from ever overlapping.
import * as spacesSchema from './spaces.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { spacesApi } from './spaces.api.ts';
import { roomsWeb } from './rooms/rooms.web.ts';
import { findRoomsWeb } from './rooms/find-rooms.web.ts';
import { roomPhotoFilesWeb } from './rooms/room-photo-files.web.ts';
import { bookingsWeb } from './bookings/bookings.web.ts';
import { bookingFileWeb, calendarFeedsWeb } from './calendar/calendars.web.ts';

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
  routes: {
    pages: [findRoomsWeb, roomsWeb, bookingsWeb, bookingFileWeb],
    api: [spacesApi],
    root: [calendarFeedsWeb, roomPhotoFilesWeb],
  },
} satisfies ModuleManifest;
