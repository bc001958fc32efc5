// Questions to the network next to the directory's search results: the three best matches of the
// same words, with a link to the whole search among questions. One indexed query (and one for the
// reader's memberships when signed in).
import { translator } from '../../../i18n/index.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { RelatedResultsSource } from '../../search/index.ts';
import { readerOf, visitor } from './questions.policy.ts';
import { searchQuestions } from './search-questions.ts';

export const relatedQuestions: RelatedResultsSource = {
  name: 'questions',
  async find(db, { q, locale, viewer, limit }) {
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
    // Words that are all stopwords ("de la") match nothing: no box of merely recent questions.
    if (emptyQuery || !hits.length) return null;
    const t = translator(locale);
    return {
      heading: t.t('network.question.related_heading'),
      items: hits.map((hit) => ({
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
