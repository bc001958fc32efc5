// A post's search terms: the search module's analysis (stems in each text's language, the glossary's
// thesaurus concepts, themes with their parents) of its title and text in every language it is
// written in. Stored as a tsvector whose lexemes are kept as they are; recomputed inside every
// transaction that writes the post's texts.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';
import { documentTerms, thesaurus } from '../../search/index.ts';
import { exchangePosts } from '../exchange.schema.ts';

export function postTerms(post: { title: I18nText; body: I18nText; themes: string[] }): string[] {
  const texts = locales.flatMap((lang) => {
    const text = [post.title[lang], post.body[lang]].filter(Boolean).join('\n');
    return text ? [{ text, lang }] : [];
  });
  return documentTerms(texts, post.themes, thesaurus());
}

export async function refreshPostTerms(
  tx: Executor,
  post: { id: string; title: I18nText; body: I18nText; themes: string[] },
): Promise<void> {
  await tx
    .update(exchangePosts)
    .set({ searchTerms: sql`array_to_tsvector(${sql.param(postTerms(post))}::text[])` })
    .where(eq(exchangePosts.id, post.id));
}
