// What the calls' pages show, as the queries give it to the views.
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { ThemeOption } from '../posts/page-data.ts';
import type { CallRow } from './calls.repo.ts';
import type { CallResults, CallSearch } from './search-calls.ts';

export interface CalendarData {
  search: CallSearch;
  results: CallResults;
  themes: ThemeOption[];
  /** The organisations the reader speaks for, for "calls I can apply for". */
  organisations: { id: string; name: I18nText }[];
  /** Whether the reader may publish calls. */
  publisher: boolean;
}

export interface CallPageData {
  call: CallRow;
  publisher: { id: string; name: I18nText } | null;
  /** The reader's organisations, whether each follows the call, and the address of its feed of followed calls. */
  organisations: { id: string; name: I18nText; following: boolean; feed: string }[];
  /** Requests on the board for help with it. */
  help: { id: string; organisation: I18nText }[];
  mayChange: boolean;
  /** Change its text: the moderators, or the members of a publisher that is still verified. */
  mayEdit: boolean;
}

export interface CallFormData {
  /** The organisations the reader may publish for (verified ones); the moderators publish without one. */
  publishers: { id: string; name: I18nText }[];
  moderator: boolean;
  themes: ThemeOption[];
  editing?: { id: string; title: string };
}
