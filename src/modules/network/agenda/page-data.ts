// What the agenda page shows: presented data, never rows.
import type { FieldProblem } from '../../../shared/errors.ts';
import type { FormValues } from '../../../shared/form-values.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { AgendaFilters } from './agenda-filters.ts';
import type { AgendaCard } from './agenda-queries.ts';

export interface MonthDay {
  /** "2027-03-18" */
  date: string;
  /** Noon of that day, for its name. */
  noon: Date;
  inMonth: boolean;
  /** The day's first dates, and how many more it has. */
  items: AgendaCard[];
  more: number;
}

export interface AgendaPageData {
  /** The filters as understood; null when some were refused. */
  filters: AgendaFilters | null;
  /** The query as given, to fill the form again. */
  values: FormValues;
  problems: FieldProblem[];
  themes: { code: string; name: I18nText }[];
  /** List view: a page of dates, and whether another follows. */
  items: AgendaCard[];
  hasNext: boolean;
  /** Month view: its weeks, Monday first, and the months before and after. */
  month: { weeks: MonthDay[][]; previous: string; next: string } | null;
  /** The iCalendar feed of the same filters. */
  feedUrl: string;
}
