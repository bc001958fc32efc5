// Questions to the network next to the directory's search results: the three best matches of the
// same words, with a link to the whole search among questions. For a visitor, the index's best
// public questions (they are results of the one search already), read by id; for a signed-in
// reader, who may see questions for members only, one indexed query (and one for the memberships).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { translator } from '../../../i18n/index.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { isStopword, type RelatedResultsSource, words } from '../../search/index.ts';
import { readerOf, visitor } from './questions.policy.ts';
import { searchQuestions } from './search-questions.ts';

interface BoxItem {
  id: string;
  title: string;
  language: Locale;
  answered: boolean;
  answerCount: number;
}

export const relatedQuestions: RelatedResultsSource = {
  name: 'questions',
  indexedAs: 'question',
  async find(db, { q, locale, viewer, limit, found }) {
    let items: BoxItem[];
    if (found && !viewer) {
      // Words that are all stopwords ("de la") match nothing: no box of merely recent questions.
      // Told from the words alone, as the query would leave them out, without making the query.
      if (!found.length || words(q).every(isStopword)) return null;
      items = await questionsById(db, found);
    } else {
      const reader = viewer
        ? await readerOf(db, {
            userId: viewer.userId,
            platformRole: viewer.platformRole as Actor['platformRole'],
          })
        : visitor;
      // Beside the directory's results, on every search: the best of the 200 most recent matches.
      const { hits, emptyQuery } = await searchQuestions(
        db,
        reader,
        { q, page: 1, perPage: limit },
        new Date(),
        200,
      );
      if (emptyQuery) return null;
      items = hits;
    }
    if (!items.length) return null;
    const t = translator(locale);
    return {
      heading: t.t('network.question.related_heading'),
      items: items.map((hit) => ({
        title: hit.title,
        href: `/${locale}/questions/${hit.id}`,
        lang: hit.language === locale ? undefined : hit.language,
        meta: hit.answered
          ? t.t('network.question.answered')
          : t.t('network.answer.count', { count: hit.answerCount }),
      })),
      more: {
        href: `/${locale}/questions?q=${encodeURIComponent(q)}`,
        label: t.t('network.question.related_more'),
      },
    };
  },
};

/** Questions a visitor may read, by id, in the order given: a lookup by primary key, no search. */
async function questionsById(db: Executor, ids: readonly string[]): Promise<BoxItem[]> {
  const { rows } = await db.execute<{
    id: string;
    title: string;
    language: Locale;
    answered: boolean;
    answer_count: number;
  }>(sql`
    select id, title, language, answer_count,
      (accepted_answer_id is not null
        and exists (select 1 from answers a where a.id = accepted_answer_id and a.hidden_at is null)) as answered
    from questions
    where id = any(${sql.param([...ids])}::uuid[]) and visibility = 'everyone' and hidden_at is null`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r
      ? [{ id, title: r.title, language: r.language, answered: r.answered, answerCount: r.answer_count }]
      : [];
  });
}
