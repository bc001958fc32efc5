// The search page's parts about places: the place named in the words (a chip that drops it), a
// "near" we could not place, the nearest results when the place has none, and "only for residents
// of …" on a card or a service page.
import type { PageContext } from '../../../http/request-context.ts';
import type { SearchOutcome } from '../presenters/page-data.ts';
import { communeName } from './parts.tsx';

/** The place understood in the words, and a link that searches the other words everywhere. */
export function PlaceChip({
  ctx,
  outcome,
  removeHref,
}: {
  ctx: PageContext;
  outcome: SearchOutcome;
  removeHref: string;
}) {
  const filter = outcome.placeFilter;
  if (!filter) return '';
  const { t } = ctx;
  const text =
    filter.radiusKm === undefined
      ? t.t('directory.search.place_filter', { place: filter.label })
      : t.t('directory.search.place_filter_point', { place: filter.label, km: filter.radiusKm });
  return (
    <p class="place-filter">
      <span class="chip" safe>
        {text}
      </span>{' '}
      <a
        class="chip-remove"
        href={removeHref}
        aria-label={t.t('directory.search.place_filter_remove_label', { place: filter.label })}
      >
        {t.html('directory.search.place_filter_remove')}
      </a>
    </p>
  );
}

/** A "near" that names no point we know: why, and where to change it. */
export function NearProblemNotice({ ctx, outcome }: { ctx: PageContext; outcome: SearchOutcome }) {
  const problem = outcome.nearProblem;
  if (!problem) return '';
  const { t } = ctx;
  return (
    <div class="notice warn near-problem" role="alert">
      <p safe>
        {problem.reason === 'unplaced'
          ? t.t('directory.search.near_unplaced', { street: problem.street })
          : t.t('directory.search.near_unknown', { near: problem.near })}
      </p>
      <p>
        {t.html('directory.search.near_ignored')} <a href="#near">{t.html('directory.search.near_fix')}</a>
      </p>
    </div>
  );
}

/** Nothing in the place named: so it says, before the nearest results (which the caller lists). */
export function NearestHeading({ ctx, outcome }: { ctx: PageContext; outcome: SearchOutcome }) {
  const { t } = ctx;
  return (
    <>
      <p safe>{t.t('directory.search.none_in_place', { place: outcome.placeFilter?.label ?? '' })}</p>
      <h2 class="nearest-title">{t.html('directory.search.nearest')}</h2>
    </>
  );
}

/** "Only for residents of Anderlecht", for a service that only some communes' residents may use. */
export function ResidentsNote({ ctx, communes }: { ctx: PageContext; communes: string[] | undefined }) {
  if (!communes?.length) return '';
  return (
    <p class="residents-only" safe>
      {ctx.t.t('directory.residents_only', {
        communes: ctx.t.list(communes.map((c) => communeName(ctx, c))),
      })}
    </p>
  );
}
