// The calendar of funding calls: the nearest deadline first; a search in any language and filters
// (funder, theme, commune, open now, informal groups eligible, "calls my organisation can apply
// for") in a GET form; the iCalendar feed of the deadlines.
import type { PageContext } from '../../../http/request-context.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { PrevNext, vocabularyOptions } from '../../../views/components.tsx';
import { Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { CalendarData } from '../calls/page-data.ts';
import type { CallSearch } from '../calls/search-calls.ts';
import { funders } from '../calls/calls.vocabulary.ts';
import { FilterSelect } from './board.page.tsx';
import { CallCardItem } from './call-parts.tsx';
import { communeOptions, themeNamer, themeOptions } from './parts.tsx';

export function calendarHref(ctx: PageContext, search: Partial<CallSearch>): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(search))
    if (value !== undefined && value !== '' && key !== 'perPage' && !(key === 'page' && value === 1))
      qs.set(key, value === true ? '1' : String(value));
  const text = qs.toString();
  return `/${ctx.locale}/exchange/calls${text ? `?${text}` : ''}`;
}

export function CalendarPage({ ctx, data, done }: { ctx: PageContext; data: CalendarData; done?: string }) {
  const { t } = ctx;
  const { search, results } = data;
  const title = t.t('exchange.calls.title');
  const themeName = themeNamer(ctx, data.themes);
  const now = new Date();
  const check = (name: 'open' | 'informal', text: string) => (
    <div class="field check-field">
      <label class="check" for={`f-${name}`}>
        <input
          type="checkbox"
          id={`f-${name}`}
          name={name}
          value="1"
          checked={search[name] ? true : undefined}
        />{' '}
        <span safe>{text}</span>
      </label>
    </div>
  );
  return (
    <Layout ctx={ctx} title={title} description={t.t('exchange.calls.lead')}>
      <h1 safe>{title}</h1>
      <p>{t.html('exchange.calls.lead')}</p>
      {done ? <Notice text={done} /> : ''}
      <p class="actions">
        {data.publisher ? (
          <a class="button" href={`/${ctx.locale}/exchange/calls/new`}>
            {t.html('exchange.calls.publish')}
          </a>
        ) : (
          ''
        )}
        <a href={`/${ctx.locale}/exchange/calls.ics`}>{t.html('exchange.calls.feed_link')}</a>
        <a href={`/${ctx.locale}/exchange`}>{t.html('exchange.board.title')}</a>
      </p>
      <form
        method="get"
        action={`/${ctx.locale}/exchange/calls`}
        role="search"
        class="search-form exchange-search"
      >
        <div class="search-bar">
          <label for="q" class="visually-hidden">
            {t.html('exchange.calls.search_label')}
          </label>
          <input id="q" name="q" type="search" value={search.q ?? ''} maxlength="200" />
          <button type="submit">{t.html('exchange.board.search_submit')}</button>
        </div>
        <div class="filters">
          {data.organisations.length ? (
            <FilterSelect
              ctx={ctx}
              name="organisation"
              label={t.t('exchange.calls.can_apply')}
              options={data.organisations.map((o) => ({ value: o.id, label: textIn(o.name, ctx.locale) }))}
              value={search.organisation}
            />
          ) : (
            ''
          )}
          <FilterSelect
            ctx={ctx}
            name="funder"
            label={t.t('exchange.calls.funder')}
            options={vocabularyOptions(ctx, 'exchange.funder', funders)}
            value={search.funder}
          />
          <FilterSelect
            ctx={ctx}
            name="theme"
            label={t.t('exchange.board.theme')}
            options={themeOptions(ctx, data.themes)}
            value={search.theme}
          />
          <FilterSelect
            ctx={ctx}
            name="commune"
            label={t.t('exchange.board.commune')}
            options={communeOptions(ctx)}
            value={search.commune}
          />
          {check('open', t.t('exchange.calls.open_now'))}
          {check('informal', t.t('exchange.calls.informal_filter'))}
          <button type="submit" class="secondary">
            {t.html('exchange.board.apply')}
          </button>
        </div>
      </form>
      <section aria-labelledby="results-title">
        <h2 id="results-title" class="visually-hidden">
          {t.html('exchange.calls.results')}
        </h2>
        {results.hits.length ? (
          <ol class="cards exchange-list">
            {results.hits.map((call) => (
              <CallCardItem ctx={ctx} call={call} themeName={themeName} now={now} />
            ))}
          </ol>
        ) : (
          <p class="empty">{t.html('exchange.calls.none')}</p>
        )}
      </section>
      <PrevNext
        ctx={ctx}
        page={results.page}
        more={results.more}
        link={(page) => calendarHref(ctx, { ...search, page })}
      />
    </Layout>
  );
}
