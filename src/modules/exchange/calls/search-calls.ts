// The calendar of funding calls: published calls whose deadline is ahead, the nearest deadline
// first, a page at a time; filtered by funder, theme (its token is in the terms, parents included),
// commune (a call for all Brussels is for every commune), open now, and informal groups eligible;
// searched in any language with the search module's analysis. "Calls I can apply for" narrows it to
// an organisation's profile: its kind, KBO number, themes and communes.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { type OrganisationProfile, vouchableKinds } from '../../directory/index.ts';
import { type ConceptMatch, searchTermsQuery, thesaurus } from '../../search/index.ts';
import type { Funder } from './calls.vocabulary.ts';

export interface CallSearch {
  q?: string;
  funder?: Funder;
  theme?: string;
  commune?: string;
  /** Only calls open for applications now. */
  open?: boolean;
  /** Only calls informal groups may apply for. */
  informal?: boolean;
  /** Only calls this organisation (one of the reader's) can apply for. */
  organisation?: string;
  page: number;
  perPage: number;
}

/** A call as the calendar shows it. */
export interface CallCard {
  id: string;
  funder: Funder;
  title: I18nText;
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
  isDemo: boolean;
}

export interface CallResults {
  hits: CallCard[];
  page: number;
  more: boolean;
  concepts: ConceptMatch[];
  emptyQuery: boolean;
}

type Row = {
  id: string;
  funder: Funder;
  title: I18nText;
  amount_min: number | null;
  amount_max: number | null;
  informal_eligible: boolean;
  kbo_required: boolean;
  themes: string[];
  communes: string[];
  all_brussels: boolean;
  opens_at: Date | string;
  closes_at: Date | string;
  time_zone: string;
  is_demo: boolean;
};

const cardColumns = sql.raw(
  'c.id, c.funder, c.title, c.amount_min, c.amount_max, c.informal_eligible, c.kbo_required, c.themes, c.communes, c.all_brussels, c.opens_at, c.closes_at, c.time_zone, c.is_demo',
);

export const callCardOf = (r: Row): CallCard => ({
  id: r.id,
  funder: r.funder,
  title: r.title,
  amountMin: r.amount_min,
  amountMax: r.amount_max,
  informalEligible: r.informal_eligible,
  kboRequired: r.kbo_required,
  themes: r.themes,
  communes: r.communes,
  allBrussels: r.all_brussels,
  opensAt: new Date(r.opens_at),
  closesAt: new Date(r.closes_at),
  timeZone: r.time_zone,
  isDemo: r.is_demo,
});

/** The conditions of the calls an organisation can apply for. */
export function eligibleFor(o: OrganisationProfile) {
  const informal = vouchableKinds.includes(o.kind);
  return sql.join(
    [
      informal ? sql`c.informal_eligible` : sql`true`,
      o.kboNumber ? sql`true` : sql`not c.kbo_required`,
      sql`(cardinality(c.themes) = 0 or c.themes && ${sql.param(o.themes)}::text[])`,
      sql`(c.all_brussels or c.communes && ${sql.param(o.communes)}::text[])`,
    ],
    sql` and `,
  );
}

/** `profile`: the organisation of search.organisation, when the reader belongs to it. */
export async function searchCalls(
  db: Executor,
  search: CallSearch,
  now: Date,
  profile?: OrganisationProfile,
): Promise<CallResults> {
  const { query, concepts, noWords } = searchTermsQuery(search, thesaurus());
  const conditions = [
    sql`c.status = 'published'`,
    sql`c.closes_at > ${now.toISOString()}::timestamptz`,
    search.funder ? sql`c.funder = ${search.funder}` : sql`true`,
    search.commune ? sql`(c.all_brussels or c.communes @> array[${search.commune}]::text[])` : sql`true`,
    search.open ? sql`c.opens_at <= ${now.toISOString()}::timestamptz` : sql`true`,
    search.informal ? sql`c.informal_eligible` : sql`true`,
    profile ? eligibleFor(profile) : sql`true`,
  ];
  if (query) conditions.push(sql`c.search_terms @@ ${query}::tsquery`);
  const offset = (search.page - 1) * search.perPage;
  const { rows } = await db.execute<Row>(
    sql`select ${cardColumns} from exchange_calls c where ${sql.join(conditions, sql` and `)}
        order by c.closes_at, c.id limit ${search.perPage + 1} offset ${offset}`,
  );
  return {
    hits: rows.slice(0, search.perPage).map(callCardOf),
    page: search.page,
    more: rows.length > search.perPage,
    concepts,
    emptyQuery: noWords,
  };
}

/** The deadlines ahead for the feed: published calls, the nearest first, at most `limit`. */
export async function upcomingCalls(db: Executor, now: Date, limit: number, organisationId?: string) {
  const { rows } = await db.execute<Row & { summary: I18nText; link: string; updated_at: Date | string }>(
    sql`select ${cardColumns}, c.summary, c.link, c.updated_at from exchange_calls c
        where c.status = 'published' and c.closes_at > ${now.toISOString()}::timestamptz
        ${organisationId ? sql`and exists (select 1 from exchange_call_follows f where f.call_id = c.id and f.organisation_id = ${organisationId})` : sql``}
        order by c.closes_at, c.id limit ${limit}`,
  );
  return rows.map((r) => ({
    ...callCardOf(r),
    summary: r.summary,
    link: r.link,
    updatedAt: new Date(r.updated_at),
  }));
}
