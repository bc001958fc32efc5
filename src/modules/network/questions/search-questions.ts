// Finding questions: the words of a search in any language against each question's stored terms
// (question-terms.ts) with the search module's analysis and thesaurus, so a French reader's
// "médiation de dettes" finds a Dutch "schuldbemiddeling"; filtered by theme (its token is in the
// terms, parents included) and commune; ranked by relevance and recent activity. Without words, the
// most recently active first. Hidden questions never; questions for members only to members.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { type ConceptMatch, searchTermsQuery, thesaurus } from '../../search/index.ts';
import type { Reader } from './questions.policy.ts';

export interface QuestionSearch {
  q?: string;
  theme?: string;
  commune?: string;
  page: number;
  perPage: number;
}

export interface QuestionHit {
  id: string;
  title: string;
  excerpt: string;
  language: Locale;
  themes: string[];
  communeNis: string | null;
  visibility: 'everyone' | 'members';
  answered: boolean;
  answerCount: number;
  lastActivityAt: Date;
  isDemo: boolean;
}

export interface QuestionResults {
  hits: QuestionHit[];
  page: number;
  /** Whether there is a page after this one (counting every match would cost a scan). */
  more: boolean;
  concepts: ConceptMatch[];
  /** The search had words, but none that count (only stopwords). */
  emptyQuery: boolean;
}

/** Matches ranked by relevance, the most recent first; pages go up to 50 × 20 = 1,000. */
const rankedMatches = 2_000;

type Row = {
  id: string;
  title: string;
  excerpt: string;
  language: Locale;
  themes: string[];
  commune_nis: string | null;
  visibility: 'everyone' | 'members';
  answered: boolean;
  answer_count: number;
  last_activity_at: Date | string;
  is_demo: boolean;
};

export async function searchQuestions(
  db: Executor,
  reader: Reader,
  search: QuestionSearch,
  now: Date = new Date(),
  /** How many of the most recent matches are ranked (fewer for the box beside other results). */
  ranked: number = rankedMatches,
): Promise<QuestionResults> {
  const { query, concepts, noWords } = searchTermsQuery(search, thesaurus());
  const seesMembers = reader.member || reader.moderator;
  const offset = (search.page - 1) * search.perPage;
  const conditions = [
    sql`hidden_at is null`,
    seesMembers ? sql`true` : sql`visibility = 'everyone'`,
    search.commune ? sql`commune_nis = ${search.commune}` : sql`true`,
  ];
  if (query) conditions.push(sql`search_terms @@ ${query}::tsquery`);
  const columns = sql`id, title, left(body, 300) as excerpt, language, themes, commune_nis, visibility,
    (accepted_answer_id is not null
      and exists (select 1 from answers a where a.id = accepted_answer_id and a.hidden_at is null)) as answered,
    answer_count, last_activity_at, is_demo`;
  const where = sql.join(conditions, sql` and `);
  // With words, the most recent matches (at most `rankedMatches`) are ranked: a broad search
  // ("logement") costs the same at a hundred thousand questions as at a thousand.
  const { rows } = await db.execute<Row>(
    query
      ? sql`select id, title, excerpt, language, themes, commune_nis, visibility, answered, answer_count,
              last_activity_at, is_demo from (
              select ${columns}, search_terms from questions where ${where}
              order by last_activity_at desc limit ${ranked}) as recent
            order by ts_rank(search_terms, ${query}::tsquery)
              + 0.05 / (1 + extract(epoch from (${now.toISOString()}::timestamptz - last_activity_at)) / 2592000) desc, id
            limit ${search.perPage + 1} offset ${offset}`
      : sql`select ${columns} from questions where ${where}
            order by last_activity_at desc, id limit ${search.perPage + 1} offset ${offset}`,
  );
  const hits = rows.slice(0, search.perPage).map((r) => ({
    id: r.id,
    title: r.title,
    excerpt: r.excerpt,
    language: r.language,
    themes: r.themes,
    communeNis: r.commune_nis,
    visibility: r.visibility,
    answered: r.answered,
    answerCount: r.answer_count,
    lastActivityAt: new Date(r.last_activity_at),
    isDemo: r.is_demo,
  }));
  return {
    hits,
    page: search.page,
    more: rows.length > search.perPage,
    concepts,
    emptyQuery: noWords,
  };
}
