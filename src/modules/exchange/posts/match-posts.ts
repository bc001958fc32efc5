// The matches of a post: the open posts of the other direction and the same kind, not past their
// date, of another organisation, whose place overlaps (a commune in common, or either for all
// Brussels) and, for interpreting, that name a language in common. Best first: shared languages,
// shared themes, the same commune rather than all Brussels, then the newest. One query whose
// filters the partial index on (kind, direction, until) and the GIN indexes on the lists serve.
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

export async function matchPosts(
  db: Executor,
  post: MatchSource,
  today: string,
  limit = 10,
): Promise<PostMatch[]> {
  const languages = textArray(post.languages);
  const themes = textArray(post.themes);
  const communes = textArray(post.communes);
  const place = post.allBrussels ? sql`true` : sql`(p.all_brussels or p.communes && ${communes})`;
  const language = post.kind === 'interpreting' ? sql`p.languages && ${languages}` : sql`true`;
  const { rows } = await db.execute<CardRow & { shared_languages: string[]; shared_themes: number }>(sql`
    select ${cardColumns},
      array(select unnest(p.languages) intersect select unnest(${languages}) order by 1) as shared_languages,
      cardinality(array(select unnest(p.themes) intersect select unnest(${themes}))) as shared_themes
    from exchange_posts p
    where p.status = 'open' and p.kind = ${post.kind} and p.direction = ${otherDirection(post.direction)}
      and p.until >= ${today}::date and p.id <> ${post.id} and p.organisation_id <> ${post.organisationId}
      and ${place} and ${language}
    order by cardinality(array(select unnest(p.languages) intersect select unnest(${languages}))) desc,
      shared_themes desc,
      (not p.all_brussels and p.communes && ${communes}) desc,
      p.created_at desc, p.id
    limit ${limit}`);
  return rows.map((r) => ({
    ...cardOf(r),
    sharedLanguages: r.shared_languages,
    sharedThemes: r.shared_themes,
  }));
}
