// The agenda: events' dates to come, filtered by theme, kind, commune, language and dates, as a list
// grouped by day (paginated) or as a month's calendar (on a phone, a list of the days with events).
// A GET form that works without JavaScript; a link to the same dates as an iCalendar feed.
import type { PageContext } from '../../../../http/request-context.ts';
import { textIn } from '../../../../shared/i18n-text.ts';
import { label, vocabularyOptions } from '../../../../views/components.tsx';
import { formFields } from '../../../../views/form-fields.tsx';
import { ErrorSummary } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import { geoReference } from '../../../geo/index.ts';
import { commonLanguages } from '../../../directory/index.ts';
import { placeText } from '../../events/place-words.ts';
import { placesLeftText } from '../../events/views/event.page.tsx';
import { dayOf as dayName, isoDayOf, timeOf, weekdayOf } from '../../events/when.ts';
import { eventKinds } from '../../network.vocabulary.ts';
import type { AgendaCard } from '../agenda-queries.ts';
import type { AgendaPageData, MonthDay } from '../page-data.ts';

/** The languages to filter by, in the reader's alphabetical order: sorted once per language. */
const sortedLanguages = new Map<string, { value: string; label: string }[]>();
function languageOptions(ctx: PageContext) {
  let options = sortedLanguages.get(ctx.locale);
  if (!options) {
    const collator = new Intl.Collator(ctx.locale);
    options = commonLanguages
      .map((code) => ({ value: code, label: ctx.t.language(code) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    sortedLanguages.set(ctx.locale, options);
  }
  return options;
}

function ItemCard({ ctx, item }: { ctx: PageContext; item: AgendaCard }) {
  const { t } = ctx;
  const cancelled = item.status === 'cancelled';
  return (
    <li class="card agenda-item">
      <p class="agenda-time" safe>
        {`${timeOf(ctx, item.start)}–${timeOf(ctx, item.end)}`}
      </p>
      <h4>
        <a href={`/${ctx.locale}/events/${item.eventId}`} safe>
          {textIn(item.title, ctx.locale)}
        </a>
      </h4>
      <p class="muted" safe>
        {[
          label(ctx, 'network.kind', item.kind),
          textIn(item.organisation.name, ctx.locale),
          placeText(item.place, ctx.locale, t.t('network.place.online')),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p safe>{cancelled ? t.t('network.event.cancelled') : placesLeftText(ctx, item)}</p>
      {item.isDemo ? <p class="demo-label">{t.html('network.event.demo')}</p> : ''}
    </li>
  );
}

function byDay(items: AgendaCard[]): { day: string; first: Date; items: AgendaCard[] }[] {
  const days: { day: string; first: Date; items: AgendaCard[] }[] = [];
  for (const item of items) {
    const day = isoDayOf(item.start);
    const last = days.at(-1);
    if (last?.day === day) last.items.push(item);
    else days.push({ day, first: item.start, items: [item] });
  }
  return days;
}

function MonthGrid({
  ctx,
  weeks,
  dayLink,
}: {
  ctx: PageContext;
  weeks: MonthDay[][];
  /** The list of one day's dates, with the same filters. */
  dayLink: (date: string) => string;
}) {
  const { t } = ctx;
  const weekdays = weeks[0]!.map((d) => weekdayOf(ctx, d.noon));
  return (
    <table class="month-grid">
      <caption class="visually-hidden">{t.html('network.agenda.month_caption')}</caption>
      <thead>
        <tr>
          {weekdays.map((w) => (
            <th scope="col" safe>
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr>
            {week.map((d) => (
              <td
                class={[d.inMonth ? '' : 'other-month', d.items.length ? 'has-events' : 'no-events'].join(
                  ' ',
                )}
              >
                {d.inMonth ? (
                  <>
                    <p class="day-name">
                      <span aria-hidden="true" safe>
                        {d.date.slice(8).replace(/^0/, '')}
                      </span>
                      <span class="visually-hidden" safe>
                        {dayName(ctx.locale, d.noon)}
                      </span>
                      <span class="phone-only" aria-hidden="true" safe>
                        {dayName(ctx.locale, d.noon)}
                      </span>
                    </p>
                    {d.items.length ? (
                      <ul>
                        {d.items.map((item) => (
                          <li class={item.status === 'cancelled' ? 'cancelled' : undefined}>
                            <a href={`/${ctx.locale}/events/${item.eventId}`}>
                              <span
                                safe
                              >{`${timeOf(ctx, item.start)} ${textIn(item.title, ctx.locale)}`}</span>
                              {item.status === 'cancelled' ? (
                                <span safe>{` (${t.t('network.event.cancelled')})`}</span>
                              ) : (
                                ''
                              )}
                            </a>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      ''
                    )}
                    {d.more ? (
                      <p class="more">
                        <a
                          href={dayLink(d.date)}
                          aria-label={t.t('network.agenda.more_label', {
                            count: d.more,
                            day: dayName(ctx.locale, d.noon),
                          })}
                          safe
                        >
                          {t.t('network.agenda.more', { count: d.more })}
                        </a>
                      </p>
                    ) : (
                      ''
                    )}
                  </>
                ) : (
                  ''
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AgendaPage({ ctx, data }: { ctx: PageContext; data: AgendaPageData }) {
  const { t } = ctx;
  const f = formFields(ctx, { values: data.values, problems: data.problems });
  const filters = data.filters;
  const view = filters?.view ?? (data.values.view === 'month' ? 'month' : 'list');
  const query = (extra: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    for (const key of ['theme', 'kind', 'commune', 'language', 'from', 'to'] as const) {
      const v = filters
        ? key === 'from'
          ? filters.fromDay
          : key === 'to'
            ? filters.toDay
            : filters[key]
        : null;
      if (v && !(key in extra)) params.set(key, v);
    }
    for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') params.set(k, String(v));
    const s = params.toString();
    return `/${ctx.locale}/agenda${s ? `?${s}` : ''}`;
  };
  const languages = languageOptions(ctx);
  const monthTitle =
    filters?.view === 'month'
      ? new Intl.DateTimeFormat(ctx.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${filters.month}-15T12:00:00Z`),
        )
      : '';
  return (
    <Layout ctx={ctx} title={t.t('network.agenda.title')} description={t.t('network.agenda.lead')}>
      <h1>{t.html('network.agenda.title')}</h1>
      <p class="lead">{t.html('network.agenda.lead')}</p>
      <ErrorSummary ctx={ctx} problems={data.problems} />
      <form method="get" action={`/${ctx.locale}/agenda`} class="form agenda-filters" novalidate>
        <input type="hidden" name="view" value={view} />
        {view === 'month' && filters ? <input type="hidden" name="month" value={filters.month} /> : ''}
        <div class="side-by-side">
          {f.select(
            'theme',
            t.t('network.agenda.theme'),
            data.themes.map((th) => ({ value: th.code, label: textIn(th.name, ctx.locale) })),
            { empty: t.t('network.agenda.all_themes') },
          )}
          {f.select('kind', t.t('network.agenda.kind'), vocabularyOptions(ctx, 'network.kind', eventKinds), {
            empty: t.t('network.agenda.all_kinds'),
          })}
        </div>
        <div class="side-by-side">
          {f.select(
            'commune',
            t.t('network.agenda.commune'),
            geoReference().communes.map((c) => ({ value: c.nis, label: c.name[ctx.locale] })),
            { empty: t.t('network.agenda.all_communes') },
          )}
          {f.select('language', t.t('network.agenda.language'), languages, {
            empty: t.t('network.agenda.all_languages'),
          })}
        </div>
        {view === 'list' ? (
          <div class="side-by-side">
            {f.text('from', t.t('network.agenda.from'), { type: 'date' })}
            {f.text('to', t.t('network.agenda.to'), { type: 'date' })}
          </div>
        ) : (
          ''
        )}
        <div class="form-actions">
          <button type="submit">{t.html('network.agenda.apply')}</button>
        </div>
      </form>
      <nav class="agenda-views" aria-label={t.t('network.agenda.views')}>
        <ul>
          <li>
            <a href={query({ view: undefined })} aria-current={view === 'list' ? 'page' : undefined}>
              {t.html('network.agenda.list_view')}
            </a>
          </li>
          <li>
            <a
              href={query({ view: 'month', from: undefined, to: undefined })}
              aria-current={view === 'month' ? 'page' : undefined}
            >
              {t.html('network.agenda.month_view')}
            </a>
          </li>
          <li>
            <a href={data.feedUrl}>{t.html('network.agenda.feed')}</a>
          </li>
        </ul>
      </nav>
      {!filters ? (
        ''
      ) : view === 'month' && data.month ? (
        <section aria-labelledby="month-title" class="agenda-month">
          <h2 id="month-title" safe>
            {monthTitle}
          </h2>
          <p class="month-nav">
            <a
              href={query({ view: 'month', month: data.month.previous, from: undefined, to: undefined })}
              rel="prev"
            >
              {t.html('network.agenda.previous_month')}
            </a>
            {' · '}
            <a
              href={query({ view: 'month', month: data.month.next, from: undefined, to: undefined })}
              rel="next"
            >
              {t.html('network.agenda.next_month')}
            </a>
          </p>
          <MonthGrid
            ctx={ctx}
            weeks={data.month.weeks}
            dayLink={(date) => query({ view: undefined, month: undefined, from: date, to: date })}
          />
        </section>
      ) : (
        <section aria-labelledby="dates-title" class="agenda-list">
          <h2 id="dates-title">{t.html('network.agenda.dates')}</h2>
          {data.items.length ? (
            byDay(data.items).map((day) => (
              <section aria-labelledby={`day-${day.day}`} class="agenda-day">
                <h3 id={`day-${day.day}`} safe>
                  {dayName(ctx.locale, day.first)}
                </h3>
                <ul class="cards">
                  {day.items.map((item) => (
                    <ItemCard ctx={ctx} item={item} />
                  ))}
                </ul>
              </section>
            ))
          ) : (
            <p class="empty">{t.html('network.agenda.none')}</p>
          )}
          {filters.page > 1 || data.hasNext ? (
            <nav class="pagination" aria-label={t.t('pagination.label')}>
              <ul>
                {filters.page > 1 ? (
                  <li>
                    <a
                      href={query({ page: filters.page - 1 === 1 ? undefined : filters.page - 1 })}
                      rel="prev"
                    >
                      {t.html('pagination.previous')}
                    </a>
                  </li>
                ) : (
                  ''
                )}
                {data.hasNext ? (
                  <li>
                    <a href={query({ page: filters.page + 1 })} rel="next">
                      {t.html('pagination.next')}
                    </a>
                  </li>
                ) : (
                  ''
                )}
              </ul>
            </nav>
          ) : (
            ''
          )}
        </section>
      )}
    </Layout>
  );
}
