// The words index's queries and results (term-index.ts).
import type { MatchedTerms } from './matched-terms.ts';

/** A query tree: terms (or nested queries) combined with AND or OR; options pass down the tree. */
export interface TermQuery {
  combineWith?: 'AND' | 'OR';
  queries: (string | TermQuery)[];
  /** Typos allowed: a number of edits, a fraction of the term's length, or per term. */
  fuzzy?: boolean | number | ((term: string) => number | false);
  /** Whether the term also matches longer words it starts. */
  prefix?: boolean;
}

export interface TermSearchOptions {
  /** Only these fields (all when absent). */
  fields?: readonly string[];
  /** A document's factor, 0 to leave it out. */
  boostDocument?: (n: number) => number;
}

export interface TermMatch {
  /** The document's number. */
  n: number;
  score: number;
  /** The index terms that matched, for highlighting. */
  terms: string[];
}

export interface Options {
  combineWith: 'AND' | 'OR';
  fuzzy: TermQuery['fuzzy'];
  prefix: boolean;
}

export interface Run {
  fields: number[];
  boostDocument: ((n: number) => number) | undefined;
  /** Each query term's bit (the 31st and later share the last). */
  queryTerms: Map<string, number>;
  /** The index terms looked up, by number: what a document matched is kept as these numbers. */
  derived: string[];
}

export interface TermMatches {
  n: Int32Array;
  /**
   * Their scores, kept in 32 bits: their order is set in 64 before, but a sort by distance breaks
   * ties with these (two scores closer than 1 in 10^7 may tie there). Empty when the run was asked
   * for numbers only.
   */
  score: Float32Array;
  /** The matched index terms of the first results. */
  terms: MatchedTerms;
}
