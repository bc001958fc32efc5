// The documents a search's words match, best first, with their name tiers (rank-tiers.ts): the
// larger part of a search, kept per text for the index version (search-index.ts). Written as steps
// (term-match.ts) so that a broad query's matching can be spread over several turns of the event loop.
import type { ConceptMatch, Thesaurus } from './thesaurus.ts';
import type { IndexedDoc } from './search-types.ts';
import { textQuery } from './text-query.ts';
import type { TermIndex, TermMatches, TermQuery } from './term-index.ts';
import type { Expansion, Steps } from './term-match.ts';
import { namedBySteps, type NameTiers } from './rank-tiers.ts';
import { cacheBudget } from '../../../shared/cache-budgets.ts';
import type { MatchedTerms } from './matched-terms.ts';

/** Matches whose matched terms are kept for highlighting; deeper ones show unmarked. */
const highlightedMatches = 500;

export interface TextMatches {
  version: number;
  matches: { n: Int32Array; score: Float32Array; terms: MatchedTerms } | null;
  concepts: ConceptMatch[];
  partial: boolean;
  /** Tiers of the documents whose names hold every word (rank-tiers.ts). */
  named: NameTiers | null;
}

/**
 * What the kept word matches may hold, in bytes: a broad word's matches over 300,000 documents
 * take megabytes (numbers, scores, name tiers), so a count of entries alone bounds nothing.
 */
export const keptMatchesBytes = cacheBudget('searchWordMatches');

/** The bytes one kept text match holds, as V8 keeps them (typed arrays, Map entries, the key). */
export function textMatchesSize(m: TextMatches, key: string): number {
  let bytes = 200 + 2 * key.length + 100 * m.concepts.length;
  if (m.matches) bytes += m.matches.n.byteLength + m.matches.score.byteLength + m.matches.terms.bytes;
  // A Map entry with small-integer key and value: about 40 bytes with its share of the table.
  if (m.named) bytes += 40 * m.named.size;
  return bytes;
}

/** What matching a text reads of the index. */
export interface TextSource {
  terms: TermIndex;
  thesaurus: Thesaurus;
  version: number;
  trusts: Float64Array;
  docOf(n: number): IndexedDoc | undefined;
}

/** The documents matching the words, best first, as steps. */
export function* textMatchSteps(index: TextSource, text: string, anyWords: boolean): Steps<TextMatches> {
  const { query: wordsQuery, concepts, groups } = textQuery(text, index.thesaurus, index.terms);
  let results: TermMatches | null = null;
  let partial = false;
  let named: NameTiers | null = null;
  if (wordsQuery) {
    const trusts = index.trusts;
    const boostDocument = (n: number) => trusts[n]!;
    // The index terms each query term stands for, looked up once for the runs below.
    const expansions = new Map<string, Expansion[]>();
    const options = { boostDocument, termsOf: highlightedMatches, expansions };
    results = anyWords && groups > 1 ? null : yield* index.terms.matchSteps(wordsQuery, options);
    if (!results?.n.length && groups > 1) {
      const anyGroup: TermQuery = { ...wordsQuery, combineWith: 'OR' };
      results = yield* index.terms.matchSteps(anyGroup, options);
      partial = results.n.length > 0;
    }
    if (!partial)
      named = yield* namedBySteps(index.terms, wordsQuery, text, concepts, (n) => index.docOf(n), expansions);
  }
  // Compact: numbers in typed arrays; the matched terms (for highlighting) of the best ones only.
  const matches = results ? { n: results.n, score: results.score, terms: results.terms } : null;
  return { version: index.version, matches, concepts, partial, named };
}
