// What the events' pages show: presented data, never rows.
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { EventKind, EventPlaceKind, EventStatus, WhoMayRegister } from '../network.vocabulary.ts';

export interface EventPlaceView {
  kind: EventPlaceKind;
  /** The name of the organisation's place, if it has one. */
  name: I18nText | null;
  /** Street and number (or the address as written), postcode and locality; null online. */
  address: string | null;
  postcode: string | null;
  locality: string | null;
  communeNis: string | null;
}

/** One date of an event with its places: `placesLeft` null without a limit. */
export interface EventDateView {
  id: string;
  start: Date;
  end: Date;
  placesLeft: number | null;
  waitlisted: number;
  /** Not begun yet: one may register. */
  open: boolean;
}

export interface EventView {
  id: string;
  organisation: { id: string; name: I18nText };
  kind: EventKind;
  title: I18nText;
  description: I18nText;
  place: EventPlaceView;
  capacity: number | null;
  whoMayRegister: WhoMayRegister;
  languages: string[];
  themes: { code: string; name: I18nText }[];
  status: EventStatus;
  cancelReason: string | null;
  isDemo: boolean;
}

export interface EventPageData {
  event: EventView;
  /** The dates to come (and the one under way), at most a page of them. */
  dates: EventDateView[];
  /** More dates follow those shown. */
  more: boolean;
}

/** An event in its organisation's list for its editors. */
export interface OwnEventView {
  id: string;
  title: I18nText;
  kind: EventKind;
  status: EventStatus;
  /** The next date to come, or null when all have passed. */
  next: Date | null;
  dates: number;
}
