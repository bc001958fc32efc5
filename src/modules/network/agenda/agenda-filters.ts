// The agenda's filters as the query string gives them, checked once for the page and the feed: each
// bad value is a problem with its field (a translated message), never an error of the server.
import { DateTime } from 'luxon';
import type { FieldProblem } from '../../../shared/errors.ts';
import { eventTimeZone } from '../events/recurrence.ts';
import { type EventKind, eventKinds } from '../network.vocabulary.ts';

export interface AgendaQuery {
  theme?: string;
  kind?: string;
  commune?: string;
  language?: string;
  from?: string;
  to?: string;
  view?: string;
  month?: string;
  page?: string;
}

export interface AgendaFilters {
  /** The theme and its sub-themes' codes. */
  themes: string[] | null;
  theme: string | null;
  kind: EventKind | null;
  commune: string | null;
  language: string | null;
  /** Dates starting on or after `from` (or, with `underWay`, ending after it) and before `to`. */
  from: Date;
  to: Date;
  /** No first day given: from now, with the dates under way. */
  underWay: boolean;
  /** As given, for links. */
  fromDay: string | null;
  toDay: string | null;
  view: 'list' | 'month';
  /** The month shown, "2027-03", in month view. */
  month: string;
  page: number;
}

export interface AgendaWords {
  /** Each theme code with its sub-themes' codes. */
  themes: Map<string, string[]>;
  communes: readonly string[];
  languages: readonly string[];
}

const dayShape = /^\d{4}-\d{2}-\d{2}$/;
const monthShape = /^\d{4}-(0[1-9]|1[0-2])$/;
/** How far the agenda looks: a few years either way of today. */
const reachYears = 3;
export const maxAgendaPage = 200;

export function agendaFilters(
  query: AgendaQuery,
  words: AgendaWords,
  now: Date,
): { filters: AgendaFilters } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string) => problems.push({ field, message: code, code });
  const given = (v: string | undefined) => (v ?? '').trim() || null;
  const today = DateTime.fromJSDate(now, { zone: eventTimeZone }).startOf('day');
  const day = (field: string, text: string | null) => {
    if (!text) return null;
    const d = dayShape.test(text) ? DateTime.fromISO(text, { zone: eventTimeZone }) : null;
    if (!d?.isValid || Math.abs(d.diff(today, 'years').years) > reachYears) {
      problem(field, 'agenda_date');
      return null;
    }
    return d;
  };

  const theme = given(query.theme);
  if (theme && !words.themes.has(theme)) problem('theme', 'agenda_choice');
  const kind = given(query.kind) as EventKind | null;
  if (kind && !eventKinds.includes(kind)) problem('kind', 'agenda_choice');
  const commune = given(query.commune);
  if (commune && !words.communes.includes(commune)) problem('commune', 'agenda_choice');
  const language = given(query.language);
  if (language && !words.languages.includes(language)) problem('language', 'agenda_choice');
  const view = (given(query.view) ?? 'list') as AgendaFilters['view'];
  if (view !== 'list' && view !== 'month') problem('view', 'agenda_choice');
  const pageText = given(query.page) ?? '1';
  const page = /^\d{1,3}$/.test(pageText) ? Number(pageText) : NaN;
  if (!(page >= 1 && page <= maxAgendaPage)) problem('page', 'agenda_page');

  let from: DateTime | null;
  let to: DateTime | null;
  let month = today.toFormat('yyyy-MM');
  const fromDay = given(query.from);
  const toDay = given(query.to);
  if (view === 'month') {
    const m = given(query.month) ?? month;
    const first = monthShape.test(m) ? DateTime.fromISO(`${m}-01`, { zone: eventTimeZone }) : null;
    if (!first?.isValid || Math.abs(first.diff(today, 'years').years) > reachYears) {
      problem('month', 'agenda_month');
      from = to = null;
    } else {
      month = m;
      from = first;
      to = first.plus({ months: 1 });
    }
  } else {
    from = day('from', fromDay);
    const last = day('to', toDay);
    to = last ? last.plus({ days: 1 }) : null;
    if (from && to && to <= from) problem('to', 'date_order');
  }
  if (problems.length) return { problems };
  return {
    filters: {
      themes: theme ? words.themes.get(theme)! : null,
      theme,
      kind,
      commune,
      language,
      // Without a first day, from now: what is under way or still to come.
      from: from ? from.toJSDate() : now,
      underWay: !from,
      to: to ? to.toJSDate() : today.plus({ years: reachYears }).toJSDate(),
      fromDay: view === 'list' ? fromDay : null,
      toDay: view === 'list' ? toDay : null,
      view,
      month,
      page: view === 'list' ? page : 1,
    },
  };
}
