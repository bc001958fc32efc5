// What the spaces pages and the API show: presented data, never rows.
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { BookingStatus } from '../spaces.vocabulary.ts';

export interface PlaceView {
  id: string;
  name: I18nText | null;
  address: string | null;
  postcode: string | null;
  locality: string | null;
  communeNis: string | null;
  lat: number | null;
  lon: number | null;
}

/** A photo of a room as pages and the API show it; its file is at /room-photos/{id}. */
export interface RoomPhotoView {
  id: string;
  width: number;
  height: number;
  /** Also the image's text for those who cannot see it. */
  caption: I18nText;
}

export interface RoomView {
  id: string;
  organisationId: string;
  organisationName: I18nText;
  place: PlaceView | null;
  name: I18nText;
  description: I18nText;
  capacity: number;
  floorArea: number | null;
  accessibility: string[];
  equipment: string[];
  hourlyPriceCents: number;
  conditions: string[];
  conditionsNote: I18nText;
  whoMayAsk: string;
  monthlyQuotaHours: number | null;
  contact: { name: string | null; email: string | null; phone: string | null };
  minMinutes: number;
  maxMinutes: number;
  noticeHours: number;
  confirmation: string;
  isDemo: boolean;
  /** In their order; the first is the one search results show. */
  photos: RoomPhotoView[];
}

export interface PeriodView {
  start: Date;
  end: Date;
}

export interface ClosureView {
  id: string;
  from: string;
  to: string;
  note: I18nText;
}

export interface BookingView {
  id: string;
  roomId: string;
  roomName: I18nText;
  organisationId: string;
  organisationName: I18nText;
  start: Date;
  end: Date;
  attendees: number;
  purpose: string;
  status: BookingStatus;
  reason: string | null;
  /** Of a weekly request shown first among its dates: how many of them wait for an answer. */
  seriesWaiting?: number;
}

export interface WeekDay {
  date: string;
  /** Noon of that day, for its name. */
  noon: Date;
  slots: { start: Date; end: Date; state: 'free' | 'asked' | 'taken' }[];
}

export interface RoomPageData {
  room: RoomView;
  week: { monday: string; previous: string; next: string; days: WeekDay[] };
  /** The organisations the reader may ask for; none for a visitor. */
  organisations: { id: string; name: I18nText }[];
}
