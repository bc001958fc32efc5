// Text analysis for search: the same steps for documents and queries, so "Médecins", "medecin" and
// "médecin" meet. Words are lower-cased, stemmed in their own language (the Snowball stemmers need
// the accents), then folded to plain ASCII-like letters.
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import type { Locale } from '../../../shared/i18n-text.ts';

const stemmers: Record<Locale, (word: string) => string> = {
  nl: memo(dutch),
  fr: memo(french),
  en: memo(english),
};

/** Words that carry no meaning on their own in a query or a text. Kept short on purpose. */
const stopwords = new Set(
  // Negations ("zonder", "sans", "without", "geen") stay: "sans papiers" is not "papiers".
  (
    'de het een en van voor in op met aan bij te of om naar zijn is er die dat ik je u we wij ze hun ook als tot ' +
    'le la les l un une des du de d et ou pour par avec dans sur au aux a en ce ces cet cette est sont je tu il elle on nous vous ils qui que qu y ne pas plus ' +
    'the a an and or of for to in on at with by is are be i you we they it this that my your our from as ' +
    // Question words and "I need": in a search box they say nothing about what is sought.
    'waar hoe wat wie wanneer welke nodig zoek zoeken wil kan kun mag mijn ' +
    'ou où comment quoi quand quel quelle besoin cherche chercher veux peux puis mon ma mes ' +
    'where how what who when which need needs want can could get find looking me some any there here'
  ).split(' '),
);

/**
 * Remembers the results of a function of one word. A directory has tens of thousands of texts but
 * only some tens of thousands of distinct words, so each word is folded and stemmed once.
 */
function memo(fn: (word: string) => string, limit = 200_000): (word: string) => string {
  let cache = new Map<string, string>();
  return (word) => {
    let out = cache.get(word);
    if (out === undefined) {
      out = fn(word);
      if (cache.size >= limit) cache = new Map();
      cache.set(word, out);
    }
    return out;
  };
}

function foldText(lower: string): string {
  if (/^[a-z0-9 ]*$/.test(lower)) return lower;
  return lower
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

const foldWord = memo(foldText);

/** Lower case without accents: "Élan Œuvre" to "elan oeuvre". */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return lower.length <= 40 ? foldWord(lower) : foldText(lower);
}

/** Words of a text, in lower case, with accents kept (for the stemmers). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function isStopword(word: string): boolean {
  return stopwords.has(fold(word));
}

/** The folded stem of a word in a language. */
export function stemOf(word: string, lang: Locale): string {
  return fold(stemmers[lang](word.toLowerCase()));
}

/**
 * The index term of one word written in a known language: its folded stem. Only the stem: indexing
 * the written form too doubled the index and the work of every query, for no better results.
 */
export function termsOf(word: string, lang: Locale): string[] {
  return [fold(stemmers[lang](word)) || fold(word)];
}

/** Index terms of a text in a known language, stopwords left out. */
export function analyse(text: string | undefined | null, lang: Locale): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const word of words(text)) {
    if (stopwords.has(fold(word))) continue;
    out.push(...termsOf(word, lang));
  }
  return out;
}

/**
 * The terms to look up for a query word: the query may be in any of the three languages, so the
 * word is stemmed as Dutch, French and English alike.
 */
export function queryForms(word: string): string[] {
  const forms = new Set<string>();
  for (const lang of ['nl', 'fr', 'en'] as const) forms.add(fold(stemmers[lang](word)) || fold(word));
  return [...forms];
}
