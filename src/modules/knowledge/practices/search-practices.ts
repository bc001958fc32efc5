// Finding published practices: the words of a search in any language against each practice's
// stored terms (practice-terms.ts) with the search module's analysis and the glossary's thesaurus,
// so a French "interprètes" finds a Dutch "tolken"; filtered by theme (its token is in the terms,
// parents included), obstacle, lever, kind of organisation involved (the kind the owner or an
// organisation involved has now: library-kinds.ts) and commune. Featured ones first, then by
// relevance, then the latest published.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { type ConceptMatch, searchTermsQuery, thesaurus } from '../../search/index.ts';
import { type LibraryKinds, libraryKinds } from './library-kinds.ts';

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

/** `kinds`: the library's kinds when the caller has them already (read otherwise, for a kind). */
export async function searchPractices(
  db: Executor,
  search: PracticeSearch,
  kinds?: LibraryKinds,
): Promise<PracticeResults> {
  const { query, concepts, noWords } = searchTermsQuery(search, thesaurus());
  if (noWords) return { hits: [], page: search.page, more: false, concepts };
  const conditions = [sql`status = 'published'`];
  if (query) conditions.push(sql`search_terms @@ ${query}::tsquery`);
  if (search.obstacle) conditions.push(sql`obstacles @> array[${search.obstacle}]::uuid[]`);
  if (search.lever) conditions.push(sql`levers @> array[${search.lever}]::uuid[]`);
  if (search.kind) {
    const organisations = (kinds ?? (await libraryKinds(db))).organisationsOf(search.kind);
    conditions.push(sql`(array[organisation_id] || organisation_ids) && ${sql.param(organisations)}::uuid[]`);
  }
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
