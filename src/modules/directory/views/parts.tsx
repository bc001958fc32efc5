// Pieces shared by the directory's pages.
import type { Children } from '@kitajs/html';
import { DateTime } from 'luxon';
import type { PageContext } from '../../../http/request-context.ts';
import { type I18nText, textIn } from '../../../shared/i18n-text.ts';
import { geoReference } from '../../geo/index.ts';
import { type HoursSource, isStale, serviceOpenState } from '../listing-state.ts';
import {
  type HoursException,
  type OpenState,
  publicHolidays,
  type WeeklyHours,
  weekTable,
  zone,
} from '../../../shared/opening-hours.ts';

import { label, Localized } from '../../../views/components.tsx';
import { Options } from '../../../views/forms.tsx';

export { label };

export function communeName(ctx: PageContext, nis: string | null | undefined): string {
  if (!nis) return '';
  const commune = geoReference().commune(nis);
  return commune ? commune.name[ctx.locale] : nis;
}

export function quartierName(ctx: PageContext, code: number | null | undefined): string {
  if (code === null || code === undefined) return '';
  const quartier = geoReference().quartier(code);
  return quartier ? quartier.name[ctx.locale] : '';
}

/** An organisation kind's badge; the code comes from the directory's vocabulary or a search document. */
export function KindBadge({ ctx, kind }: { ctx: PageContext; kind: string }) {
  return (
    <span class={`badge kind kind-${kind.replace(/_/g, '-')}`} safe>
      {label(ctx, 'directory.kind', kind)}
    </span>
  );
}

export function VerificationBadge({ ctx, state }: { ctx: PageContext; state: 'verified' | 'unverified' }) {
  return state === 'verified' ? (
    <span class="badge verified" title={ctx.t.t('directory.verification.verified_help')}>
      <span aria-hidden="true">✓ </span>
      {ctx.t.html('directory.verification.verified')}
    </span>
  ) : (
    <span class="badge unverified" title={ctx.t.t('directory.verification.unverified_help')}>
      {ctx.t.html('directory.verification.unverified')}
    </span>
  );
}

export function Freshness({ ctx, lastConfirmedAt }: { ctx: PageContext; lastConfirmedAt: string | null }) {
  const stale = isStale(lastConfirmedAt);
  return (
    <p class={stale ? 'freshness stale' : 'freshness'}>
      {lastConfirmedAt ? (
        <span safe>{ctx.t.t('directory.freshness.confirmed_on', { date: ctx.t.date(lastConfirmedAt) })}</span>
      ) : (
        <span>{ctx.t.html('directory.freshness.never_confirmed')}</span>
      )}
      {stale ? <strong> {ctx.t.html('directory.freshness.stale')}</strong> : ''}
    </p>
  );
}

/** Weekday names by locale, width and day: made by Luxon once (a card's badge names one). */
const weekdayNames = new Map<string, string>();

function weekdayName(ctx: PageContext, isoWeekday: number, width: 'long' | 'short' = 'long'): string {
  const key = `${ctx.locale} ${width} ${isoWeekday}`;
  let name = weekdayNames.get(key);
  if (name === undefined) {
    // 2024-01-01 was a Monday.
    name = DateTime.fromObject({ year: 2024, month: 1, day: isoWeekday }, { zone })
      .setLocale(ctx.locale)
      .toFormat(width === 'long' ? 'cccc' : 'ccc');
    weekdayNames.set(key, name);
  }
  return name;
}

/** Days from one calendar date ("2026-03-28") to another, by the calendar (no time zone involved). */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function dayPhrase(ctx: PageContext, moment: DateTime, now: DateTime): 'today' | 'tomorrow' | string {
  // Calendar days in Brussels between the two (a day there may last 23 or 25 hours).
  const days = daysBetween(now.setZone(zone).toISODate()!, moment.setZone(zone).toISODate()!);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days < 7) return weekdayName(ctx, moment.setZone(zone).weekday);
  return ctx.t.date(moment.toJSDate(), 'medium');
}

export function openBadgeText(ctx: PageContext, state: OpenState, now: DateTime = DateTime.now()): string {
  const { t } = ctx;
  if (!state.known) return t.t('directory.hours.unknown');
  if (state.open) {
    if (!state.closesAt) return t.t('directory.hours.open');
    const time = state.closesAt.setZone(zone).toFormat('HH:mm');
    const day = dayPhrase(ctx, state.closesAt, now);
    return day === 'today'
      ? t.t('directory.hours.open_until', { time })
      : t.t('directory.hours.open_until_day', {
          day: day === 'tomorrow' ? t.t('directory.hours.tomorrow') : day,
          time,
        });
  }
  if (!state.opensAt) return t.t('directory.hours.closed');
  const time = state.opensAt.setZone(zone).toFormat('HH:mm');
  const day = dayPhrase(ctx, state.opensAt, now);
  if (day === 'today') return t.t('directory.hours.opens_today', { time });
  if (day === 'tomorrow') return t.t('directory.hours.opens_tomorrow', { time });
  return t.t('directory.hours.opens_on', { day, time });
}

export function OpenBadge({ ctx, state }: { ctx: PageContext; state: OpenState }) {
  const cls = !state.known ? 'unknown' : state.open ? 'open' : 'closed';
  return (
    <span class={`badge hours ${cls}`} safe>
      {openBadgeText(ctx, state)}
    </span>
  );
}

export function HoursTable({
  ctx,
  weekly,
  exceptions,
  closedOnPublicHolidays,
}: {
  ctx: PageContext;
  weekly: WeeklyHours[];
  exceptions: HoursException[];
  closedOnPublicHolidays: boolean;
}) {
  const { t } = ctx;
  const now = DateTime.now().setZone(zone);
  const today = now.toISODate()!;
  const table = weekTable(weekly, today);
  const upcoming = exceptions
    .filter((e) => e.endsOn >= today)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const horizon = now.plus({ months: 2 }).toISODate()!;
  const holidays = closedOnPublicHolidays
    ? [...publicHolidays(now.year), ...publicHolidays(now.year + 1)].filter(
        ([date]) => date >= today && date <= horizon,
      )
    : [];
  if (!weekly.length && !upcoming.length) return <p>{t.html('directory.hours.none_published')}</p>;
  return (
    <div class="hours">
      <table>
        <caption class="visually-hidden">{t.html('directory.hours.weekly')}</caption>
        <tbody>
          {[1, 2, 3, 4, 5, 6, 7].map((day) => {
            const slots = table.get(day)!;
            return (
              <tr class={day === now.weekday ? 'today' : undefined}>
                <th scope="row" safe>
                  {weekdayName(ctx, day)}
                </th>
                <td>
                  {slots.length
                    ? slots.map((s, i) => (
                        <>
                          {i ? ', ' : ''}
                          <time safe>{`${s.opens}–${s.closes}`}</time>
                        </>
                      ))
                    : t.html('directory.hours.closed_day')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {upcoming.length || holidays.length ? (
        <>
          <h4>{t.html('directory.hours.exceptions')}</h4>
          <ul class="exceptions">
            {upcoming.map((e) => (
              <li>
                <strong safe>
                  {e.startsOn === e.endsOn
                    ? t.date(e.startsOn)
                    : t.t('directory.hours.date_range', { from: t.date(e.startsOn), to: t.date(e.endsOn) })}
                </strong>
                {': '}
                <span safe>
                  {e.closed
                    ? t.t('directory.hours.closed_day')
                    : `${e.opensAt?.slice(0, 5)}–${e.closesAt?.slice(0, 5)}`}
                </span>
                {e.note ? (
                  <>
                    {' — '}
                    <span safe>{textIn(e.note, ctx.locale)}</span>
                  </>
                ) : (
                  ''
                )}
              </li>
            ))}
            {holidays.map(([date, names]) => (
              <li>
                <strong safe>{t.date(date)}</strong>
                {': '}
                <span safe>{t.t('directory.hours.closed_holiday', { holiday: names[ctx.locale] })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </div>
  );
}

export function LanguagesList({ ctx, codes }: { ctx: PageContext; codes: string[] }) {
  if (!codes.length) return '';
  return <span safe>{ctx.t.list(codes.map((c) => ctx.t.language(c)))}</span>;
}

/** What an organisation or service says it does, in the reader's language when written in it. */
export function Description({ ctx, text }: { ctx: PageContext; text: I18nText }) {
  return (
    <section class="description">
      <Localized ctx={ctx} value={text} block />
    </section>
  );
}

/** Open now or not, and closed for good or for a while when it is. */
export function ServiceBadges({
  ctx,
  service,
}: {
  ctx: PageContext;
  service: HoursSource & { status: string };
}) {
  return (
    <p class="badges">
      <OpenBadge ctx={ctx} state={serviceOpenState(service)} />
      {service.status !== 'active' ? (
        <span class="badge closed" safe>
          {label(ctx, 'directory.status', service.status)}
        </span>
      ) : (
        ''
      )}
    </p>
  );
}

/** One fact in a list of facts (<dl>): what it is about, and what it says: a `text`, or the children. */
export function Fact({ term, text, children }: { term: string; text?: string; children?: Children }) {
  return (
    <div>
      <dt safe>{term}</dt>
      {text === undefined ? <dd>{children}</dd> : <dd safe>{text}</dd>}
    </div>
  );
}

/** One filter of a filter form: a labelled select whose first choice (`any`) filters nothing. */
export function FilterSelect({
  id,
  name,
  label,
  any,
  options,
  current,
}: {
  id: string;
  name: string;
  label: string;
  any: string;
  options: readonly { value: string; label: string }[];
  current: string | undefined;
}) {
  return (
    <div class="field">
      <label for={id} safe>
        {label}
      </label>
      <select id={id} name={name}>
        <Options options={options} value={current} empty={any} />
      </select>
    </div>
  );
}

/**
 * The button that folds a page's filters away on a phone, with how many are chosen. It opens
 * without JavaScript (a <details>); on a wide screen the filters always show (app.css).
 */
export function FiltersToggle({ ctx, chosen }: { ctx: PageContext; chosen: number }) {
  return (
    <summary class="filters-toggle">
      <span safe>{ctx.t.t('directory.filters_toggle', { count: chosen })}</span>
    </summary>
  );
}

/**
 * A form of filters that asks for its page again (GET) as it changes and puts the part of the
 * answer with id `replaces` in place of its own (htmx), keeping the URL; without JavaScript it is
 * a plain GET form.
 */
export function LiveForm({
  id,
  class: className,
  role,
  action,
  trigger,
  replaces,
  sync,
  children,
}: {
  id?: string;
  class: string;
  role?: string;
  action: string;
  /** When it asks (hx-trigger). */
  trigger: string;
  replaces: string;
  /** How a new request treats one still running (hx-sync). */
  sync?: string;
  children: Children;
}) {
  return (
    <form
      id={id}
      class={className}
      role={role}
      method="get"
      action={action}
      hx-get={action}
      hx-trigger={trigger}
      hx-target={`#${replaces}`}
      hx-select={`#${replaces}`}
      hx-swap="outerHTML"
      hx-push-url="true"
      hx-sync={sync}
    >
      {children}
    </form>
  );
}
