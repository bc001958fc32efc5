// A call's search terms: the search module's analysis of its title and summary in every language it
// is written in, with its themes (and their parents), as for the board's posts.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';
import { documentTerms, thesaurus } from '../../search/index.ts';
import { exchangeCalls } from './calls.schema.ts';

export function callTerms(call: { title: I18nText; summary: I18nText; themes: string[] }): string[] {
  const texts = locales.flatMap((lang) => {
    const text = [call.title[lang], call.summary[lang]].filter(Boolean).join('\n');
    return text ? [{ text, lang }] : [];
  });
  return documentTerms(texts, call.themes, thesaurus());
}

export const termsValue = (call: { title: I18nText; summary: I18nText; themes: string[] }) =>
  sql`array_to_tsvector(${sql.param(callTerms(call))}::text[])`;

export async function refreshCallTerms(
  tx: Executor,
  call: { id: string; title: I18nText; summary: I18nText; themes: string[] },
): Promise<void> {
  await tx
    .update(exchangeCalls)
    .set({ searchTerms: termsValue(call) })
    .where(eq(exchangeCalls.id, call.id));
}
