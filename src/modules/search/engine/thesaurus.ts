// The NL-FR-EN welfare thesaurus: concepts whose terms mean the same thing in the three languages
// ("OCMW" = "CPAS" = "PCSW"). A query that names a concept also looks for every other term of it, and
// for the services in the concept's themes. The glossary module holds it (moderators edit it there);
// data/thesaurus.json is the first edition it was made from, used where no database is read.
import { readFileSync } from 'node:fs';
import { distance } from 'fastest-levenshtein';
import type { Locale } from '../../../shared/i18n-text.ts';
import { fold, isStopword, stemOf, words } from './text.ts';

export interface Concept {
  id: string;
  terms: Record<Locale, string[]>;
  themes: string[];
}

export interface ConceptMatch {
  concept: Concept;
  /** Positions [start, end) of the query words the concept was recognised in. */
  start: number;
  end: number;
}

interface TermPattern {
  concept: Concept;
  words: string[];
}

interface TextPattern extends TermPattern {
  /** Terms of the text's own language compare by stem; others must appear as written ("OCMW" in French). */
  byStem: boolean;
}

/** Edits allowed on a word: none below 5 letters, one from 5, two from 8 ("schuldbemidelling"). */
export function allowedEdits(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
}

export function sameWord(typed: string, known: string): boolean {
  if (typed === known) return true;
  const edits = allowedEdits(typed);
  return edits > 0 && Math.abs(typed.length - known.length) <= edits && distance(typed, known) <= edits;
}

/** A text pattern's key: its first word, and its second when it has more than one. */
function patternKey(first: string, second: string | undefined): string {
  return second === undefined ? first : `${first} ${second}`;
}

export class Thesaurus {
  readonly concepts: Concept[];
  private readonly patterns: TermPattern[];
  /**
   * Per text language: the patterns to look for in such a text, by their first two words (one-word
   * patterns by their word). By the first word alone, a glossary whose concepts share a first word
   * (the bench's 3,000 concepts "proefbegrip 1" … "proefbegrip 3000", or the many "centre …") had
   * every text that holds the word compared with thousands of patterns, each list copied into a new
   * array: tagging the glossary's own 3,364 terms after such an edition allocated 5.6 GB. Terms that
   * share two words still share a list (the bench's "notion d'essai N", "bench concept N"), compared
   * word by word without a copy. Keyed by all their words, patterns were found without comparing,
   * but the keys made for every word of every text tripled the time to tag ordinary texts.
   */
  private readonly textPatterns = new Map<Locale, Map<string, TextPattern[]>>();

  constructor(concepts: Concept[]) {
    this.concepts = concepts;
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const byStart = new Map<string, TextPattern[]>();
      for (const concept of concepts) {
        for (const [termLang, terms] of Object.entries(concept.terms) as [Locale, string[]][]) {
          const byStem = termLang === lang;
          for (const term of terms) {
            const all = words(term);
            const keys = all.filter((w) => !isStopword(w)).map((w) => (byStem ? stemOf(w, lang) : fold(w)));
            // "huis zoeken" without its stopword is "huis": a text saying "medisch huis" is not
            // about finding a home. A term cut down to one word does not tag texts.
            if (!keys.length || (keys.length === 1 && all.length > 1)) continue;
            const key = patternKey(keys[0]!, keys[1]);
            const list = byStart.get(key) ?? [];
            list.push({ concept, words: keys, byStem });
            byStart.set(key, list);
          }
        }
      }
      this.textPatterns.set(lang, byStart);
    }
    this.patterns = concepts
      .flatMap((concept) =>
        Object.values(concept.terms)
          .flat()
          .map((term) => ({
            concept,
            words: words(term)
              .filter((w) => !isStopword(w))
              .map(fold),
          })),
      )
      .filter((p) => p.words.length > 0)
      // Longest terms first, so "centre public d'action sociale" wins over a shorter overlap.
      .sort((a, b) => b.words.length - a.words.length);
  }

  /**
   * Concepts named in a query (folded words, stopwords removed), longest first, not overlapping.
   * Exact names are taken before near ones, so a typo never steals a word another concept names
   * exactly; `exactOnly` words (place names) are never taken as typos of something else.
   */
  match(queryWords: string[], exactOnly: (word: string) => boolean = () => false): ConceptMatch[] {
    const taken = new Array<boolean>(queryWords.length).fill(false);
    const found: ConceptMatch[] = [];
    for (const fuzzy of [false, true]) {
      for (const pattern of this.patterns) {
        const n = pattern.words.length;
        for (let start = 0; start + n <= queryWords.length; start++) {
          let ok = true;
          for (let k = 0; k < n && ok; k++) {
            const word = queryWords[start + k]!;
            ok =
              !taken[start + k] &&
              (word === pattern.words[k] || (fuzzy && !exactOnly(word) && sameWord(word, pattern.words[k]!)));
          }
          if (!ok) continue;
          for (let k = 0; k < n; k++) taken[start + k] = true;
          found.push({ concept: pattern.concept, start, end: start + n });
        }
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /**
   * Concepts a text in a known language mentions ("médiations de dettes" → schuldbemiddeling),
   * compared stem by stem, so documents carry the concept whatever words they use for it.
   */
  tag(text: string, lang: Locale): Set<string> {
    const kept = words(text).filter((w) => !isStopword(w));
    const stems = kept.map((w) => stemOf(w, lang));
    const folded = kept.map(fold);
    const patterns = this.textPatterns.get(lang)!;
    const found = new Set<string>();
    // A pattern compares its words with the stems (byStem) or the folded words, from position i:
    // its key is that sequence's word at i (and at i + 1, for two words or more).
    const look = (key: string, i: number) => {
      const list = patterns.get(key);
      if (!list) return;
      for (const pattern of list) {
        const seq = pattern.byStem ? stems : folded;
        const { words } = pattern;
        let k = 0;
        while (k < words.length && seq[i + k] === words[k]) k++;
        if (k === words.length) found.add(pattern.concept.id);
      }
    };
    for (let i = 0; i < kept.length; i++) {
      const [stem, word] = [stems[i]!, folded[i]!];
      look(stem, i);
      if (word !== stem) look(word, i);
      if (i + 1 === kept.length) continue;
      const [nextStem, nextWord] = [stems[i + 1]!, folded[i + 1]!];
      look(patternKey(stem, nextStem), i);
      if (word !== stem || nextWord !== nextStem) look(patternKey(word, nextWord), i);
    }
    return found;
  }

  /** The preferred label of a concept in a language: the first term, as "did you mean …?". */
  label(concept: Concept, locale: Locale): string {
    return concept.terms[locale][0] ?? concept.id;
  }
}

let shared: Thesaurus | undefined;
let first: Thesaurus | undefined;

/** The first edition the glossary was made from (data/thesaurus.json). */
function firstEdition(): Thesaurus {
  first ??= new Thesaurus(
    JSON.parse(readFileSync(new URL('../data/thesaurus.json', import.meta.url), 'utf8')) as Concept[],
  );
  return first;
}

/**
 * The thesaurus of this process: the glossary's, once the search index has read it from the
 * database (live-index.ts), and until then the first edition the glossary was made from.
 */
export function thesaurus(): Thesaurus {
  return shared ?? firstEdition();
}

/** Makes a glossary edition read from the database this process's thesaurus; none: the first edition. */
export function useConcepts(concepts: Concept[]): Thesaurus {
  shared = concepts.length ? new Thesaurus(concepts) : undefined;
  return thesaurus();
}

/** A concept as one index term. */
export function conceptToken(id: string): string {
  return `concept:${id}`;
}
