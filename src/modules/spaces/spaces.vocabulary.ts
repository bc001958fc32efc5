// The words of rooms and bookings. Codes are stored; their names are in messages/ (spaces.access.*,
// spaces.equipment.*, spaces.condition.*, spaces.who.*, spaces.status.*).

/** What makes a room usable for people with a disability. */
export const accessibilityFeatures = ['step_free', 'accessible_toilet', 'hearing_loop'] as const;

/** What a room offers. */
export const equipmentItems = [
  'tables_chairs',
  'projector',
  'screen',
  'wifi',
  'kitchen',
  'sound_system',
  'whiteboard',
  'childrens_corner',
] as const;

/** House rules as choices; the owners add their own words besides. */
export const roomConditions = [
  'residents_may_join',
  'no_alcohol',
  'key_from_reception',
  'leave_tidy',
  'no_smoking',
  'insurance_needed',
] as const;

/** Who may ask for the room: any organisation (informal groups too), those with a company number, or verified ones. */
export const whoMayAsk = ['any_organisation', 'formal_organisations', 'verified_organisations'] as const;
export type WhoMayAsk = (typeof whoMayAsk)[number];

/** A room confirms requests at once, or its organisation approves each. */
export const confirmationModes = ['at_once', 'approval'] as const;
export type ConfirmationMode = (typeof confirmationModes)[number];

/** Weekly opening windows, and the dates a room is closed (holidays, works) or opens besides. */
export const availabilityKinds = ['open', 'closed'] as const;
export type AvailabilityKind = (typeof availabilityKinds)[number];

export const bookingStatuses = ['requested', 'confirmed', 'declined', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** What may happen to a booking in each status, and what it becomes (the owners' actions and cancelling). */
export const bookingActions = ['approve', 'decline', 'cancel'] as const;
export type BookingAction = (typeof bookingActions)[number];
export const bookingTransitions: Record<
  BookingAction,
  { from: readonly BookingStatus[]; to: BookingStatus }
> = {
  approve: { from: ['requested'], to: 'confirmed' },
  decline: { from: ['requested'], to: 'declined' },
  cancel: { from: ['requested', 'confirmed'], to: 'cancelled' },
};

/** Limits of a room's settings, checked by the forms, the API and the database alike. */
export const roomLimits = {
  capacity: { min: 1, max: 1000 },
  floorArea: { min: 1, max: 10_000 },
  /** Euro cents an hour; 0 is free. */
  hourlyPriceCents: { min: 0, max: 100_000 },
  monthlyQuotaHours: { min: 1, max: 744 },
  bookingMinutes: { min: 15, max: 1440 },
  noticeHours: { min: 0, max: 2160 },
} as const;

/** How far ahead a booking may be asked for. */
export const bookingHorizonDays = 365;
/** The time zone of every room's hours. */
export const roomTimeZone = 'Europe/Brussels';

/** A room's photos: how many, how heavy an upload, and the longest side kept (the messages say these in words). */
export const roomPhotoLimits = {
  perRoom: 6,
  maxBytes: 2 * 1024 * 1024,
  maxSide: 1600,
  captionLength: 200,
  /** The longest side of the small copy that lists and phones show. */
  smallSide: 480,
} as const;
