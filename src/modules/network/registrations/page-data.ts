// What the registration pages show, as their views receive it.
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { RegistrationStatus } from '../network.vocabulary.ts';
import type { EventPlace } from './registration-words.ts';

export interface DateView {
  id: string;
  startsAt: Date;
  endsAt: Date;
  confirmed: number;
  waitlisted: number;
}

export interface EventView {
  id: string;
  title: I18nText;
  capacity: number | null;
  whoMayRegister: string;
  status: string;
}

/** The register form's page: the date, and the signed-in person's registration if they have one. */
export interface RegisterPageData {
  event: EventView;
  date: DateView;
  /** Why nobody registers here: closed, or members only and the reader is none. */
  closed: 'closed' | 'members_only' | null;
  own: { status: RegistrationStatus } | null;
}

/** The person's page at their link. */
export interface RegistrationPageData {
  id: string;
  token: string;
  name: string;
  status: RegistrationStatus;
  event: EventView;
  date: DateView;
  place: EventPlace;
  /** The date has begun or passed: nothing to confirm or cancel any more. */
  past: boolean;
  /** The organisers called off the event or this date: nothing to confirm or cancel any more. */
  calledOff: boolean;
}

export interface ListedPerson {
  name: string;
  email: string;
  status: RegistrationStatus;
  placedAt: Date | null;
  createdAt: Date;
}

/** The organisers' list: each date with its people. */
export interface RegistrationListData {
  event: EventView & { organisationId: string };
  dates: (DateView & { confirmed: number; people: ListedPerson[]; unconfirmed: number })[];
}
