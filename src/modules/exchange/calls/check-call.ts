// The checks of a funding call's fields before anything is written: every problem at once, each
// with its field and the key of its translated message ("fields.<code>"). Dates are typed as a
// wall-clock time ("2027-03-01T12:00") in a time zone (Brussels unless said otherwise) and stored
// as moments; the amounts are whole euros.
import { DateTime } from 'luxon';
import type { FieldProblem } from '../../../shared/errors.ts';
import { cleanText, type I18nText, locales } from '../../../shared/i18n-text.ts';
import { themeCodes } from '../../directory/index.ts';
import { geoReference } from '../../geo/index.ts';
import { problem, refuseIf } from '../posts/check-post.ts';
import { callLimits, defaultCallZone, type Funder, funders } from './calls.vocabulary.ts';

/** What a new or changed call's form gives, as typed. */
export interface CallInput {
  funder: string;
  title: I18nText;
  summary: I18nText;
  amountMin: string;
  amountMax: string;
  informalEligible: boolean;
  kboRequired: boolean;
  themes: string[];
  communes: string[];
  allBrussels: boolean;
  /** Wall-clock times, YYYY-MM-DDTHH:mm, in `timeZone`. */
  opensAt: string;
  closesAt: string;
  timeZone: string;
  link: string;
  /** For a new call: the organisation that publishes it ('' for the moderators). */
  publisherId?: string;
  /** When changing: the call's version the form was made from. */
  version?: string;
}

export interface CheckedCall {
  funder: Funder;
  title: I18nText;
  summary: I18nText;
  amountMin: number | null;
  amountMax: number | null;
  informalEligible: boolean;
  kboRequired: boolean;
  themes: string[];
  communes: string[];
  allBrussels: boolean;
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  link: string;
}

const knownThemes = new Set(themeCodes);
const knownCommunes = new Set(geoReference().communes.map((c) => c.nis));
const distinct = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];
const oneLine = (s: string) => s.trim().replace(/\s+/g, ' ');

function checkTexts(input: CallInput, problems: FieldProblem[]) {
  const title: I18nText = {};
  const summary: I18nText = {};
  const titles = cleanText(input.title);
  const summaries = cleanText(input.summary);
  for (const l of locales) {
    const t = titles[l] ? oneLine(titles[l]) : '';
    if (t) {
      if (t.length < callLimits.title.min || t.length > callLimits.title.max)
        problems.push(problem(`title.${l}`, 'call_title_length'));
      title[l] = t;
    }
    const s = summaries[l]?.trim() ?? '';
    if (s) {
      if (s.length > callLimits.summary.max) problems.push(problem(`summary.${l}`, 'exchange_body_long'));
      else if (!t) problems.push(problem(`title.${l}`, 'exchange_title_for_text'));
      summary[l] = s;
    }
  }
  if (!Object.keys(title).length && !Object.keys(summary).length)
    problems.push(problem('title', 'exchange_text_missing'));
  return { title, summary };
}

function checkAmount(field: string, value: string, problems: FieldProblem[]): number | null {
  const given = value.trim();
  if (!given) return null;
  // Thousands marks only in groups of three ("25.000", "25 000"): "12.50" is not twelve hundred and fifty.
  const typed = /^\d{1,3}([\s.’']\d{3})+$/.test(given) ? given.replace(/[\s.’']/g, '') : given;
  if (!/^\d{1,9}$/.test(typed) || Number(typed) > callLimits.amount) {
    problems.push(problem(field, 'call_amount'));
    return null;
  }
  return Number(typed);
}

/** A wall-clock time in a zone as a moment, or null if it is none. */
export function momentIn(value: string, zone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value.trim())) return null;
  const dt = DateTime.fromISO(value.trim(), { zone });
  return dt.isValid ? dt.toJSDate() : null;
}

/**
 * An IANA zone name the platform can show dates in ("Europe/Brussels", or "UTC"). Luxon also takes
 * "local", "system" and "UTC+5", which Intl's date formatting refuses: a call with such a zone made
 * the calendar fail for everyone.
 */
const zones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
export const isZone = (zone: string) => zones.has(zone);

export function isWebLink(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** `now` is when the call is written: its deadline must be ahead, within two years. */
export function checkCall(input: CallInput, now: Date, problems: FieldProblem[] = []): CheckedCall {
  const funder = input.funder as Funder;
  if (!funders.includes(funder)) problems.push(problem('funder', 'choose_one'));
  const { title, summary } = checkTexts(input, problems);

  const amountMin = checkAmount('amount_min', input.amountMin, problems);
  const amountMax = checkAmount('amount_max', input.amountMax, problems);
  if (amountMin !== null && amountMax !== null && amountMin > amountMax)
    problems.push(problem('amount_max', 'call_amount_range'));

  const themes = distinct(input.themes);
  if (themes.length > callLimits.themes || themes.some((t) => !knownThemes.has(t)))
    problems.push(problem('themes', 'call_themes'));
  const communes = input.allBrussels ? [] : distinct(input.communes);
  if (communes.some((c) => !knownCommunes.has(c))) problems.push(problem('communes', 'exchange_communes'));
  else if (!input.allBrussels && !communes.length)
    problems.push(problem('communes', 'exchange_place_missing'));

  const timeZone = input.timeZone.trim() || defaultCallZone;
  if (!isZone(timeZone)) problems.push(problem('time_zone', 'call_time_zone'));
  const zone = isZone(timeZone) ? timeZone : defaultCallZone;
  const opensAt = momentIn(input.opensAt, zone);
  const closesAt = momentIn(input.closesAt, zone);
  if (!opensAt) problems.push(problem('opens_at', 'call_moment'));
  if (!closesAt) problems.push(problem('closes_at', 'call_moment'));
  else if (opensAt && closesAt <= opensAt) problems.push(problem('closes_at', 'call_closes_before_opening'));
  else if (closesAt <= now) problems.push(problem('closes_at', 'call_closes_past'));
  else if (closesAt.getTime() - now.getTime() > callLimits.closesWithinDays * 86_400_000)
    problems.push(problem('closes_at', 'call_closes_far'));

  const link = input.link.trim();
  if (link.length > callLimits.link || !isWebLink(link)) problems.push(problem('link', 'call_link'));
  refuseIf(problems);
  return {
    funder,
    title,
    summary,
    amountMin,
    amountMax,
    informalEligible: input.informalEligible,
    kboRequired: input.kboRequired,
    themes,
    communes: communes.sort(),
    allBrussels: input.allBrussels,
    opensAt: opensAt!,
    closesAt: closesAt!,
    timeZone: zone,
    link,
  };
}
