// From the words of a search to a query of the words index (term-index.ts): each word as its stems in nl, fr and en, with
// typos where the index does not know the word, the last word as a prefix, and thesaurus concepts
// as one group that any of their wordings or themes satisfies.
import type { TermQuery as Query } from './term-index.ts';
import { geoReference } from '../../geo/index.ts';
import { themeToken } from './search-types.ts';
import { allowedEdits, type ConceptMatch, conceptToken, type Thesaurus } from './thesaurus.ts';
import { fold, isStopword, queryForms, words } from './text.ts';

const maxQueryWords = 12;

/** The query for the words of a search, with thesaurus concepts expanded. */
export function textQuery(
  text: string,
  thesaurus: Thesaurus,
  vocabulary: { has(term: string): boolean },
): { query: Query | null; concepts: ConceptMatch[]; groups: number } {
  const typed = words(text)
    .filter((w) => !isStopword(w))
    .slice(0, maxQueryWords);
  if (!typed.length) return { query: null, concepts: [], groups: 0 };
  const folded = typed.map(fold);
  const concepts = thesaurus.match(folded, isPlaceWord);
  const groups: Query[] = [];
  const wordGroup = (i: number): Query => {
    const word = typed[i]!;
    const surface = folded[i]!;
    const last = i === typed.length - 1;
    // A place is looked up as written ("Elsene" is no typo of anything); a quartier's word also by
    // its stems, exactly: names use them too ("Centre Culturel Maghrebin", "Université Libre").
    if (isPlaceWord(surface)) {
      const forms = isCommuneWord(surface) ? [surface] : [...new Set([surface, ...queryForms(word)])];
      return { combineWith: 'OR', queries: forms, fuzzy: false, prefix: false };
    }
    const stems = queryForms(word);
    // A word the index knows needs no typo search, which is the costly part.
    const known = stems.some((stem) => vocabulary.has(stem));
    const queries: Query[] = [
      { queries: stems, fuzzy: known ? false : (term) => allowedEdits(term) || false, prefix: false },
    ];
    // The last word may still be being typed: it also counts as the start of a longer word.
    if (last && surface.length >= 3) queries.push({ queries: [surface], fuzzy: false, prefix: true });
    // Swapped letters ("dentsit") are one slip but two Levenshtein edits: look them up as such.
    if (!known && surface.length >= 5) {
      queries.push({
        queries: [...new Set(transpositions(surface).flatMap((w) => queryForms(w)))],
        fuzzy: false,
        prefix: false,
      });
    }
    return { combineWith: 'OR', queries };
  };
  for (let i = 0; i < typed.length;) {
    const concept = concepts.find((c) => c.start === i);
    if (!concept) {
      groups.push(wordGroup(i++));
      continue;
    }
    // Documents carry a token for every concept their texts name, in any language and wording
    // (search-docs.ts); the concept's themes bring in services that do not name it.
    const tokens = [conceptToken(concept.concept.id), ...concept.concept.themes.map(themeToken)];
    // The words as typed still count, exactly, for texts that use them outside the concept's phrase.
    const asTyped: Query = {
      combineWith: 'AND',
      fuzzy: false,
      prefix: false,
      queries: typed
        .slice(concept.start, concept.end)
        .map((w) => ({ combineWith: 'OR' as const, queries: queryForms(w) })),
    };
    groups.push({
      combineWith: 'OR',
      queries: [{ queries: tokens, fuzzy: false, prefix: false }, asTyped],
    });
    i = concept.end;
  }
  return { query: { combineWith: 'AND', queries: groups }, concepts, groups: groups.length };
}

/** The word with each pair of neighbouring letters swapped. */
function transpositions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length - 1; i++) {
    if (word[i] !== word[i + 1]) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

let placeWords: { all: Set<string>; communes: Set<string> } | undefined;

function placeWordSets(): { all: Set<string>; communes: Set<string> } {
  if (!placeWords) {
    const geo = geoReference();
    const setOf = (names: string[]) =>
      new Set(names.flatMap((n) => words(n).map(fold)).filter((w) => w.length > 3));
    const communes = setOf(geo.communes.flatMap((c) => [c.name.nl, c.name.fr]));
    const quartiers = setOf(geo.quartiers.flatMap((q) => [q.name.nl, q.name.fr]));
    placeWords = { all: new Set([...communes, ...quartiers]), communes };
  }
  return placeWords;
}

/** Words of commune and quartier names: "Oudergem" is a place, not a typo of "ouderen". */
export function isPlaceWord(word: string): boolean {
  return placeWordSets().all.has(word);
}

/** Words of commune names ("bruxelles", "woluwe"). */
function isCommuneWord(word: string): boolean {
  return placeWordSets().communes.has(word);
}
