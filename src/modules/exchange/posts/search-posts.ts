// The board: open posts whose date has not passed, newest first, a page at a time; filtered by
// direction, kind, theme (its token is in the terms, parents included), commune (a post for all
// Brussels is for every commune) and language; searched in any language with the search module's
// analysis and thesaurus, so a French reader's "interprète" finds a Dutch "tolk". With words, the
// most recent matches are ranked by relevance.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { type ConceptMatch, searchTermsQuery, thesaurus } from '../../search/index.ts';
import type { PostDirection, PostKind } from '../exchange.vocabulary.ts';

export interface BoardSearch {
  q?: string;
  direction?: PostDirection;
  kind?: PostKind;
  theme?: string;
  commune?: string;
  language?: string;
  page: number;
  perPage: number;
}

/** A post as the board and the matches show it. */
export interface PostCard {
  id: string;
  organisationId: string;
  direction: PostDirection;
  kind: PostKind;
  title: I18nText;
  languages: string[];
  themes: string[];
  communes: string[];
  allBrussels: boolean;
  until: string;
  isDemo: boolean;
  createdAt: Date;
}

export interface BoardResults {
  hits: PostCard[];
  page: number;
  /** Whether there is a page after this one. */
  more: boolean;
  concepts: ConceptMatch[];
  /** The search had words, but none that count (only stopwords). */
  emptyQuery: boolean;
}

export type CardRow = {
  id: string;
  organisation_id: string;
  direction: PostDirection;
  kind: PostKind;
  title: I18nText;
  languages: string[];
  themes: string[];
  communes: string[];
  all_brussels: boolean;
  until: string;
  is_demo: boolean;
  created_at: Date | string;
};

export const cardColumns = sql.raw(
  'p.id, p.organisation_id, p.direction, p.kind, p.title, p.languages, p.themes, p.communes, p.all_brussels, p.until::text as until, p.is_demo, p.created_at',
);

export const cardOf = (r: CardRow): PostCard => ({
  id: r.id,
  organisationId: r.organisation_id,
  direction: r.direction,
  kind: r.kind,
  title: r.title,
  languages: r.languages,
  themes: r.themes,
  communes: r.communes,
  allBrussels: r.all_brussels,
  until: r.until,
  isDemo: r.is_demo,
  createdAt: new Date(r.created_at),
});

/** Matches ranked by relevance, the most recent first. */
const rankedMatches = 2_000;

/** `today` is the Brussels date: posts past their date are no longer on the board. */
export async function searchPosts(db: Executor, search: BoardSearch, today: string): Promise<BoardResults> {
  const { query, concepts, noWords } = searchTermsQuery(search, thesaurus());
  const conditions = [
    sql`p.status = 'open'`,
    sql`p.until >= ${today}::date`,
    search.direction ? sql`p.direction = ${search.direction}` : sql`true`,
    search.kind ? sql`p.kind = ${search.kind}` : sql`true`,
    search.commune ? sql`(p.all_brussels or p.communes @> array[${search.commune}]::text[])` : sql`true`,
    search.language ? sql`p.languages @> array[${search.language}]::text[]` : sql`true`,
  ];
  if (query) conditions.push(sql`p.search_terms @@ ${query}::tsquery`);
  const where = sql.join(conditions, sql` and `);
  const offset = (search.page - 1) * search.perPage;
  const { rows } = await db.execute<CardRow>(
    query
      ? sql`select * from (
              select ${cardColumns}, p.search_terms from exchange_posts p where ${where}
              order by p.created_at desc limit ${rankedMatches}) as p
            order by ts_rank(p.search_terms, ${query}::tsquery) desc, p.created_at desc, p.id
            limit ${search.perPage + 1} offset ${offset}`
      : sql`select ${cardColumns} from exchange_posts p where ${where}
            order by p.created_at desc, p.id limit ${search.perPage + 1} offset ${offset}`,
  );
  return {
    hits: rows.slice(0, search.perPage).map(cardOf),
    page: search.page,
    more: rows.length > search.perPage,
    concepts,
    emptyQuery: noWords,
  };
}
