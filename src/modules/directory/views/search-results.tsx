// The results of a search: cards with the matched words marked, the counts, the pages.
import { escapeHtml } from '@kitajs/html';
import { DateTime } from 'luxon';
import type { MessageKey } from '../../../i18n/index.ts';
import type { PageContext } from '../../../http/request-context.ts';
import { href } from '../../../http/request-context.ts';
import { type I18nText, type Locale, pickText } from '../../../shared/i18n-text.ts';
import { Pagination } from '../../../views/components.tsx';
import type { SearchOutcome, SearchParams } from '../presenters/page-data.ts';
import { PointsMap } from '../../../views/points-map.tsx';
import { telHref } from './contact-parts.tsx';
import { NearestHeading, NearProblemNotice, PlaceChip, ResidentsNote } from './search-place.tsx';
import { communeName, KindBadge, LanguagesList, OpenBadge, VerificationBadge } from './parts.tsx';
import { openState } from '../../../shared/opening-hours.ts';
import { hoursOfSearchDoc } from '../listing-state.ts';
import { fold, termsOf, words } from '../../search/index.ts';
import { OtherResultCard } from './search-other-card.tsx';

type Hit = SearchOutcome['hits'][number];

/** The search as URL parameters, with one value changed; empty values left out. */
export function searchQuery(params: SearchParams, change: Partial<SearchParams> = {}): string {
  const merged = { ...params, ...change };
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === '' || key === 'per_page') continue;
    if (key === 'page' && value === 1) continue;
    if (Array.isArray(value)) for (const v of value) qs.append(key, String(v));
    else qs.set(key, String(value));
  }
  const text = qs.toString();
  return text ? `?${text}` : '';
}

/** A word of a text (letters and digits), as the search reads words. */
const wordPattern = /[\p{L}\p{N}]+/gu;

/**
 * A text with the words that matched the search marked, escaped: one string, with a mark around each
 * matched word and nothing around the rest. A span around every word and every gap made the
 * highlighting of a search page's 20 results about 380 KB of allocations; 120 KB now (session 31).
 */
function Highlighted({ text, lang, terms }: { text: string; lang: Locale; terms: Set<string> }): string {
  if (!terms.size) return escapeHtml(text);
  let html = '';
  let done = 0;
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0];
    if (!terms.has(fold(word)) && !termsOf(word, lang).some((t) => terms.has(t))) continue;
    html += `${escapeHtml(text.slice(done, match.index))}<mark>${escapeHtml(word)}</mark>`;
    done = match.index + word.length;
  }
  return html + escapeHtml(text.slice(done));
}

function snippetOf(text: string, terms: Set<string>, lang: Locale): string {
  if (text.length <= 200) return text;
  const first = words(text).find((w) => terms.has(fold(w)) || termsOf(w, lang).some((t) => terms.has(t)));
  const at = first ? text.toLowerCase().indexOf(first) : 0;
  const start = Math.max(0, at - 60);
  const cut = text.slice(start, start + 200);
  return `${start > 0 ? '…' : ''}${cut.slice(start > 0 ? cut.indexOf(' ') + 1 : 0, cut.lastIndexOf(' '))}…`;
}

function Localised({
  ctx,
  value,
  terms,
  snippet = false,
}: {
  ctx: PageContext;
  value: I18nText;
  terms: Set<string>;
  snippet?: boolean;
}) {
  const picked = pickText(value, ctx.locale);
  if (!picked) return '';
  const text = snippet ? snippetOf(picked.text, terms, picked.lang) : picked.text;
  return (
    <span lang={picked.fallback ? picked.lang : undefined}>
      <Highlighted text={text} lang={picked.lang} terms={terms} />
    </span>
  );
}

function ResultCard({ ctx, hit }: { ctx: PageContext; hit: Hit }) {
  const { t } = ctx;
  const { doc } = hit;
  if (doc.type !== 'service' && doc.type !== 'organisation')
    return <OtherResultCard ctx={ctx} hit={hit} Text={Localised} />;
  const terms = new Set(hit.terms);
  const path = doc.type === 'service' ? `/services/${doc.id}` : `/organisations/${doc.id}`;
  return (
    <li class="card result">
      <h3>
        <a href={href(ctx, path)}>
          <Localised ctx={ctx} value={doc.name} terms={terms} />
        </a>
      </h3>
      {doc.type === 'service' ? (
        <p class="provider">
          <Localised ctx={ctx} value={doc.organisationName} terms={terms} />
        </p>
      ) : (
        ''
      )}
      <p class="badges">
        {hit.openNow === null ? (
          ''
        ) : (
          // "Open now · until 17:00", "Closed · opens Monday at 09:00": the service page's own
          // computation, on the hours the search document carries.
          <OpenBadge ctx={ctx} state={openState(hoursOfSearchDoc(doc), DateTime.now())} />
        )}
        {hit.distanceKm !== undefined ? (
          <span class="badge distance" safe>
            {t.t('directory.search.distance', { km: Math.round(hit.distanceKm * 10) / 10 })}
          </span>
        ) : (
          ''
        )}
        <KindBadge ctx={ctx} kind={doc.kind} />
        {doc.verified ? <VerificationBadge ctx={ctx} state="verified" /> : ''}
      </p>
      <p class="summary">
        <Localised ctx={ctx} value={hit.description} terms={terms} snippet />
      </p>
      <ResidentsNote ctx={ctx} communes={doc.residentCommunes} />
      <p class="facts-line">
        {doc.communes.length ? <span safe>{t.list(doc.communes.map((c) => communeName(ctx, c)))}</span> : ''}
        {doc.languages.length ? (
          <>
            {' · '}
            <LanguagesList ctx={ctx} codes={doc.languages} />
          </>
        ) : (
          ''
        )}
      </p>
      {doc.phone ? (
        <p class="result-phone">
          <a href={telHref(doc.phone)} safe>
            {t.t('directory.search.call', { number: doc.phone })}
          </a>
        </p>
      ) : (
        ''
      )}
      {doc.type === 'service' ? (
        <p class="refer-link">
          <a href={href(ctx, '/referrals/new', { service: doc.id })}>{t.html('directory.referrals.refer')}</a>
        </p>
      ) : (
        ''
      )}
    </li>
  );
}

export function SearchResults({
  ctx,
  params,
  outcome,
}: {
  ctx: PageContext;
  params: SearchParams;
  outcome: SearchOutcome;
}) {
  const { t } = ctx;
  const points = outcome.hits.flatMap((h) =>
    h.doc.points.map((p) => ({
      lat: p.lat,
      lon: p.lon,
      label: pickText(h.doc.name, ctx.locale)?.text ?? '',
    })),
  );
  const link = (change: Partial<SearchParams>) =>
    `/${ctx.locale}/search${searchQuery(params, { page: 1, ...change })}`;
  return (
    <section id="search-results" class="search-results" aria-labelledby="search-count">
      <NearProblemNotice ctx={ctx} outcome={outcome} />
      <p id="search-count" class="results-count" role="status">
        {t.html('directory.search.count', { count: outcome.total })}
        {outcome.place?.label ? (
          <span safe>{` · ${t.t(
            outcome.place.approximate ? 'directory.search.near_place_approx' : 'directory.search.near_place',
            { place: outcome.place.label },
          )}`}</span>
        ) : (
          ''
        )}
      </p>
      <PlaceChip
        ctx={ctx}
        outcome={outcome}
        removeHref={link({ q: outcome.placeFilter?.rest || undefined })}
      />
      {outcome.understood.length ? (
        <p class="understood" safe>
          {t.t('directory.search.understood', { terms: t.list(outcome.understood) })}
        </p>
      ) : (
        ''
      )}
      {outcome.partial ? <p class="note">{t.html('directory.search.partial')}</p> : ''}
      {outcome.total === 0 && outcome.nearest.length ? (
        <div class="nearest">
          <NearestHeading ctx={ctx} outcome={outcome} />
          <ol class="cards results-list">
            {outcome.nearest.map((hit) => (
              <ResultCard ctx={ctx} hit={hit} />
            ))}
          </ol>
        </div>
      ) : outcome.total === 0 ? (
        <div class="empty">
          <p>{t.html('directory.search.none')}</p>
          {outcome.didYouMean.length ? (
            <p>
              {t.html('directory.search.did_you_mean')}{' '}
              {outcome.didYouMean.map((term, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={link({ q: term })} safe>
                    {term}
                  </a>
                </>
              ))}
            </p>
          ) : (
            ''
          )}
          {outcome.dropFilters.length ? (
            <ul>
              {outcome.dropFilters.map((d) => (
                <li>
                  <a
                    href={link({
                      [d.filter]: undefined,
                      ...(d.filter === 'near' ? { radius_km: undefined } : {}),
                    })}
                    safe
                  >
                    {t.t('directory.search.drop_filter', {
                      filter: t.t(`directory.search.filter.${d.filter}` as MessageKey),
                      count: d.total,
                    })}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            ''
          )}
        </div>
      ) : (
        <div class={points.length ? 'results-with-map' : 'results-with-map no-map'}>
          <ol class="cards results-list">
            {outcome.hits.map((hit) => (
              <ResultCard ctx={ctx} hit={hit} />
            ))}
          </ol>
          {points.length ? (
            <PointsMap
              ctx={ctx}
              points={points}
              class="search-map"
              label={t.t('directory.search.map_label')}
            />
          ) : (
            ''
          )}
        </div>
      )}
      <Pagination
        ctx={ctx}
        page={{
          page: outcome.page,
          total: outcome.total,
          totalPages: Math.max(1, Math.ceil(outcome.total / outcome.perPage)),
        }}
        link={(n) => `/${ctx.locale}/search${searchQuery(params, { page: n })}`}
      />
    </section>
  );
}

/** Filters with their counts and the results: what htmx swaps while the search box keeps focus. */
