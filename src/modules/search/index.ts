// The search module's public surface: the document every source supplies and the contract of a
// source; the words, stems and thesaurus concepts documents are analysed with; what a query and its
// results look like. Each app process runs one index (LiveSearchIndex, started in module.ts over
// every module's `searchSources`); the modules that search read it from deps.services.search.
export type { ChangeCursor, SearchSource } from './search-source.ts';
export { changeLog, changesAfterSnapshot, currentChangeCursor, searchChangesChannel } from './change-log.ts';
export { logWindowCrossings } from './search-window.ts';
export { analyseI18n, otherDoc, type OtherDocInput } from './other-doc.ts';
export {
  directoryTypes,
  type DocType,
  docTypes,
  facetKeys,
  type FacetKey,
  type Hit,
  type IndexQuery,
  type IndexResult,
  type NearPoint,
  type OpenFilter,
  type SearchDoc,
  type IndexedDoc,
  type SearchField,
  type SearchFilters,
  searchFields,
  themeToken,
} from './engine/search-types.ts';
export { distanceKm } from './engine/index-parts.ts';
export { type Suggestion } from './engine/suggest-index.ts';
export { analyse, fold, isStopword, queryForms, termsOf, words } from './engine/text.ts';
export { type ConceptMatch, conceptToken, type Thesaurus, thesaurus } from './engine/thesaurus.ts';
export type { LiveSearchIndex } from './live-index.ts';
export { afterSearchReady } from './after-ready.ts';
export {
  documentTerms,
  quotedLexeme,
  searchTermsQuery,
  termQuery,
  themeTokens,
} from './engine/term-query.ts';
export type {
  RelatedResult,
  RelatedResults,
  RelatedResultsSource,
  RelatedSearch,
} from './related-results.ts';
