// A practice's search terms: the search module's analysis (stems in each text's language, the
// glossary's thesaurus concepts, themes) of its title, summary and story in every language it is
// written in, and of its worksheet items' labels in theirs. Stored as a tsvector whose lexemes are
// kept as they are; recomputed inside every transaction that writes the practice.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';
import { documentTerms, thesaurus } from '../../search/index.ts';
import { practices } from '../knowledge.schema.ts';
import { findItems } from './worksheet-items.ts';

export interface TermsSource {
  id: string;
  title: I18nText;
  summary: I18nText;
  story: I18nText;
  themes: string[];
  obstacles: string[];
  levers: string[];
  tools: string[];
}

export async function refreshPracticeTerms(tx: Executor, practice: TermsSource): Promise<void> {
  const items = await findItems(tx, [...practice.obstacles, ...practice.levers, ...practice.tools]);
  const texts = [
    ...locales.flatMap((lang) => {
      const text = [practice.title[lang], practice.summary[lang], practice.story[lang]]
        .filter(Boolean)
        .join('\n');
      return text ? [{ text, lang }] : [];
    }),
    ...items.flatMap((item) =>
      locales.flatMap((lang) => (item.labels[lang] ? [{ text: item.labels[lang], lang }] : [])),
    ),
  ];
  const terms = documentTerms(texts, practice.themes, thesaurus());
  await tx
    .update(practices)
    .set({ searchTerms: sql`array_to_tsvector(${sql.param(terms)}::text[])` })
    .where(eq(practices.id, practice.id));
}
