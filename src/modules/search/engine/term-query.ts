// Stored terms and their queries for modules that keep their texts in PostgreSQL rather than in
// the in-memory index (questions to the network): the same analysis as the index (stems in the
// text's language, thesaurus concepts, themes), written as lexemes a tsvector keeps verbatim
// (`array_to_tsvector`) and a tsquery string whose every lexeme is quoted, so that PostgreSQL's own
// parsing and stemming never touch them.
import type { Locale } from '../../../shared/i18n-text.ts';
import { themeToken } from './search-types.ts';
import { type Concept, type ConceptMatch, conceptToken, type Thesaurus } from './thesaurus.ts';
import { analyse, fold, isStopword, queryForms, words } from './text.ts';

/** Words of a query that count; more are dropped (as in the index's queries). */
const maxQueryWords = 12;
/** A lexeme PostgreSQL keeps is shorter than 2 KB; nothing sensible is as long as this. */
const maxLexemeLength = 200;

/** A theme's own token and its parent's ("income.debt-counselling" also counts as "income"). */
export function themeTokens(code: string): string[] {
  const dot = code.indexOf('.');
  return dot > 0 ? [themeToken(code), themeToken(code.slice(0, dot))] : [themeToken(code)];
}

/**
 * The lexemes of texts in their languages: their stems, a token for every thesaurus concept they
 * name (in whatever wording), and a token for each theme. Distinct, for `array_to_tsvector`.
 */
export function documentTerms(
  texts: readonly { text: string; lang: Locale }[],
  themes: readonly string[],
  thesaurus: Thesaurus,
): string[] {
  const out = new Set<string>();
  for (const { text, lang } of texts) {
    for (const term of analyse(text, lang)) if (term && term.length <= maxLexemeLength) out.add(term);
    for (const id of thesaurus.tag(text, lang)) out.add(conceptToken(id));
  }
  for (const code of themes) for (const token of themeTokens(code)) out.add(token);
  return [...out];
}

/** One lexeme of a tsquery, quoted so it is taken as written. */
export function quotedLexeme(lexeme: string, prefix = false): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

/** A concept's labels read per request rather than stored: at most this many, in case a concept has many. */
const maxLabels = 60;

/**
 * Each of a concept's words in every language as its stems, all of which must match: a text stored
 * before the glossary had that word (its terms made with an older thesaurus, without the concept's
 * token) is found by it all the same, without its terms being made anew.
 */
function labelGroups(concept: Concept): string[] {
  const groups = new Set<string>();
  for (const lang of ['nl', 'fr', 'en'] as const)
    for (const label of concept.terms[lang] ?? []) {
      const stems = [...new Set(analyse(label, lang))].filter((st) => st.length <= maxLexemeLength);
      if (stems.length) groups.add(allOf(stems.map((st) => quotedLexeme(st))));
      if (groups.size >= maxLabels) return [...groups];
    }
  return [...groups];
}

const allOf = (parts: string[]) => (parts.length === 1 ? parts[0]! : `( ${parts.join(' & ')} )`);

const anyOf = (parts: string[]) => (parts.length === 1 ? parts[0]! : `( ${parts.join(' | ')} )`);

/**
 * The tsquery (as text, to cast with `::tsquery`) for the words of a search in any language: each
 * word as its stems in nl, fr and en (the last one also as the start of a longer word), a concept
 * the words name as its token, its themes' tokens or the words themselves; all groups must match.
 * Null when the search has no word that counts.
 */
export function termQuery(
  text: string,
  thesaurus: Thesaurus,
): { query: string | null; concepts: ConceptMatch[] } {
  const typed = words(text)
    .filter((w) => !isStopword(w))
    .slice(0, maxQueryWords);
  if (!typed.length) return { query: null, concepts: [] };
  const folded = typed.map(fold);
  const concepts = thesaurus.match(folded);
  const wordGroup = (i: number): string => {
    const forms = queryForms(typed[i]!)
      .filter((f) => f.length <= maxLexemeLength)
      .map((f) => quotedLexeme(f));
    const surface = folded[i]!;
    if (i === typed.length - 1 && surface.length >= 3 && surface.length <= maxLexemeLength)
      forms.push(quotedLexeme(surface, true));
    return anyOf(forms.length ? forms : [quotedLexeme(surface)]);
  };
  const groups: string[] = [];
  for (let i = 0; i < typed.length;) {
    const concept = concepts.find((c) => c.start === i);
    if (!concept) {
      groups.push(wordGroup(i++));
      continue;
    }
    const tokens = [
      conceptToken(concept.concept.id),
      ...concept.concept.themes.flatMap((code) => [themeToken(code)]),
    ].map((token) => quotedLexeme(token));
    const asTyped = [];
    for (let k = concept.start; k < concept.end; k++) asTyped.push(wordGroup(k));
    groups.push(
      `( ${[
        ...tokens,
        asTyped.length === 1 ? asTyped[0]! : `( ${asTyped.join(' & ')} )`,
        ...labelGroups(concept.concept),
      ].join(' | ')} )`,
    );
    i = concept.end;
  }
  return { query: groups.join(' & '), concepts };
}

/**
 * The tsquery of a search's words and theme against stored terms (both must match), or null for
 * neither; `noWords` when words were typed but none counts (only stopwords).
 */
export function searchTermsQuery(
  search: { q?: string; theme?: string },
  thesaurus: Thesaurus,
): { query: string | null; concepts: ConceptMatch[]; noWords: boolean } {
  const text = search.q?.trim() ? termQuery(search.q, thesaurus) : { query: null, concepts: [] };
  const parts = [text.query, search.theme ? quotedLexeme(themeToken(search.theme)) : null].filter(
    (p): p is string => p !== null,
  );
  return {
    query: parts.length ? parts.map((p) => `( ${p} )`).join(' & ') : null,
    concepts: text.concepts,
    noWords: Boolean(search.q?.trim()) && text.query === null,
  };
}
