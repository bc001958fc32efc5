// The matches of a post: the open posts of the other direction and the same kind, not past their
// date, of another organisation, whose place overlaps (a commune in common, or either for all
// Brussels) and, for interpreting, that name a language in common. Best first: shared languages,
// shared themes, the same commune rather than all Brussels, then the newest (of the posts that share
// neither a language nor a theme, only the newest few are ranked). One query (matchQuery).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { otherDirection, type PostDirection, type PostKind } from '../exchange.vocabulary.ts';
import { cardColumns, cardOf, type CardRow, type PostCard } from './search-posts.ts';

export interface MatchSource {
  id: string;
  organisationId: string;
  direction: PostDirection;
  kind: PostKind;
  languages: string[];
  themes: string[];
  communes: string[];
  allBrussels: boolean;
}

export interface PostMatch extends PostCard {
  sharedLanguages: string[];
  sharedThemes: number;
}

const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`;

/** How many of the source's list a post's list shares, as SQL (0 at no cost when the source has none). */
const sharedCount = (column: 'languages' | 'themes', values: string[]) =>
  values.length
    ? sql`(select count(*) from unnest(m.${sql.raw(column)}) v where v = any(${textArray(values)}))::int`
    : sql`0`;

/**
 * The one query of a post's matches (exported for the bench's query plan). The candidates are the
 * open posts of the other direction and the same kind whose place overlaps: of them, those sharing
 * a language or a theme, and the newest others (the board's index, newest first), are ranked from
 * the columns of the partial index on kind and direction, which holds the lists (an index-only
 * scan, once vacuumed); only the best few rows are then read for their cards.
 */
export function matchQuery(post: MatchSource, today: string, limit: number) {
  const communes = textArray(post.communes);
  const conditions = [
    sql`p.status = 'open'`,
    sql`p.kind = ${post.kind}`,
    sql`p.direction = ${otherDirection(post.direction)}`,
    sql`p.until >= ${today}::date`,
    sql`p.id <> ${post.id}`,
    sql`p.organisation_id <> ${post.organisationId}`,
  ];
  if (!post.allBrussels) conditions.push(sql`(p.all_brussels or p.communes && ${communes})`);
  if (post.kind === 'interpreting') conditions.push(sql`p.languages && ${textArray(post.languages)}`);
  const base = sql.join(conditions, sql` and `);
  const overlaps = [
    post.languages.length ? sql`p.languages && ${textArray(post.languages)}` : null,
    post.themes.length ? sql`p.themes && ${textArray(post.themes)}` : null,
  ].filter((c) => c !== null);
  const columns = sql`p.id, p.created_at, p.all_brussels, p.languages, p.themes, p.communes`;
  const sharing = overlaps.length
    ? sql`(select ${columns} from exchange_posts p where ${base} and (${sql.join(overlaps, sql` or `)}))
        union`
    : sql``;
  const sameCommune = post.allBrussels ? sql`false` : sql`(not m.all_brussels and m.communes && ${communes})`;
  return sql`
    with ranked as (
      select m.id, m.created_at, ${sharedCount('languages', post.languages)} as shared_languages,
        ${sharedCount('themes', post.themes)} as shared_themes, ${sameCommune} as same_commune
      from (${sharing}
        (select ${columns} from exchange_posts p where ${base} order by p.created_at desc limit ${limit})
      ) as m
      order by shared_languages desc, shared_themes desc, same_commune desc, m.created_at desc, m.id
      limit ${limit})
    select ${cardColumns}, r.shared_themes
    from ranked r join exchange_posts p on p.id = r.id
    order by r.shared_languages desc, r.shared_themes desc, r.same_commune desc, r.created_at desc, r.id`;
}

export async function matchPosts(
  db: Executor,
  post: MatchSource,
  today: string,
  limit = 10,
): Promise<PostMatch[]> {
  const { rows } = await db.execute<CardRow & { shared_themes: number }>(matchQuery(post, today, limit));
  const asked = new Set(post.languages);
  return rows.map((r) => ({
    ...cardOf(r),
    sharedLanguages: r.languages.filter((l) => asked.has(l)).sort(),
    sharedThemes: r.shared_themes,
  }));
}
