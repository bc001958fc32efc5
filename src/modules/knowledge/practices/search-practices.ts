// Finding published practices: the words of a search in any language against each practice's
// stored terms (practice-terms.ts) with the search module's analysis and the glossary's thesaurus,
// so a French "interprètes" finds a Dutch "tolken"; filtered by theme (its token is in the terms,
// parents included), obstacle, lever, kind of organisation involved and commune. Featured ones
// first, then by relevance, then the latest published.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { type ConceptMatch, quotedLexeme, termQuery, thesaurus, themeToken } from '../../search/index.ts';

/** The last page of the library one may ask for (the query's schema allows no later one). */
export const practicePageCap = 50;

export interface PracticeSearch {
  q?: string;
  theme?: string;
  obstacle?: string;
  lever?: string;
  kind?: string;
  commune?: string;
  page: number;
  perPage: number;
}

export type PracticeHit = {
  id: string;
  slug: string;
  title: I18nText;
  summary: I18nText;
  themes: string[];
  communes: string[];
  featured: boolean;
};

export interface PracticeResults {
  hits: PracticeHit[];
  page: number;
  /** Whether there is a page after this one. */
  more: boolean;
  concepts: ConceptMatch[];
}

/** The tsquery of a search's words and theme, or null for neither. */
function practiceQuery(search: Pick<PracticeSearch, 'q' | 'theme'>) {
  const text = search.q?.trim() ? termQuery(search.q, thesaurus()) : { query: null, concepts: [] };
  const parts = [text.query, search.theme ? quotedLexeme(themeToken(search.theme)) : null].filter(
    (p): p is string => p !== null,
  );
  return {
    query: parts.length ? parts.map((p) => `( ${p} )`).join(' & ') : null,
    concepts: text.concepts,
    noWords: Boolean(search.q?.trim()) && text.query === null,
  };
}

export async function searchPractices(db: Executor, search: PracticeSearch): Promise<PracticeResults> {
  const { query, concepts, noWords } = practiceQuery(search);
  if (noWords) return { hits: [], page: search.page, more: false, concepts };
  const conditions = [sql`status = 'published'`];
  if (query) conditions.push(sql`search_terms @@ ${query}::tsquery`);
  if (search.obstacle) conditions.push(sql`obstacles @> array[${search.obstacle}]::uuid[]`);
  if (search.lever) conditions.push(sql`levers @> array[${search.lever}]::uuid[]`);
  if (search.kind) conditions.push(sql`organisation_kinds @> array[${search.kind}]::text[]`);
  if (search.commune) conditions.push(sql`communes @> array[${search.commune}]::text[]`);
  const rank = query ? sql`ts_rank(search_terms, ${query}::tsquery) desc,` : sql``;
  const { rows } = await db.execute<PracticeHit>(
    sql`select id, slug, title, summary, themes, communes, featured from practices
        where ${sql.join(conditions, sql` and `)}
        order by featured desc, ${rank} published_at desc, id
        limit ${search.perPage + 1} offset ${(search.page - 1) * search.perPage}`,
  );
  return {
    hits: rows.slice(0, search.perPage),
    page: search.page,
    // No 'next' beyond the last page one may ask for.
    more: rows.length > search.perPage && search.page < practicePageCap,
    concepts,
  };
}
