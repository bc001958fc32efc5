// The byte budgets of every cache the app process keeps, in one place. Each cache counts its own
// entries (its sizeCalculation), but what they may hold together is what the process carries on top
// of the search index (about 300 MB at 100,000 documents): issue 19 allows 800 MB of RSS at peak, and
// session 21 measured 2,465 MB with 356 MB of budgets here, the search outcomes' 64 MB nearly full.
// So the budgets are small and named here, and a change to one shows in the total below.
// Session 22's bench showed where small went too far: with 24 MB of search outcomes and 4 MB for each
// network page cache, the warm query mix fell from 2,995 to 804 req/s, the agenda from 2,437 to 411
// and the exchange board from 1,869 to 317 (both under their 500 req/s), while the peak, set by the
// index and the other modules' loads, stayed far above 800 MB. Those three are larger again.
// Session 23 found the query mix at 158 req/s on a busy machine (healthz 6,682 in the same run): of
// the bench's 2,015 distinct searches, 48 MB of outcomes held 1,512 (about 33 KB each as counted,
// 28 KB as measured), and the bench's first pass over them in popularity order left the least
// popular ones, so the load computed the popular ones again. All of them take about 67 MB; the
// search API's answers no longer count the outcomes the service already counts, so the same 16 MB holds about 430 of them rather than 269.
// Each cache also lets its entries go after a while or when what they show changes; a budget is only
// the most it holds when a load asks for many different pages or searches at once.

const megabytes = {
  /** Search outcomes by parameters (directory/search/search.service.ts): the long tail of queries. */
  searchOutcomes: 72,
  /** Word matches per query word, kept by the search index (search/engine/text-matches.ts). */
  searchWordMatches: 16,
  /** The search page's filters and results as HTML, by outcome (directory/search/search.web.ts). */
  searchPages: 12,
  /** The search API's serialised bodies (about 37 KB each), by search (directory/search/search-answers.ts). */
  searchApiAnswers: 16,
  /** The directory API's serialised pages (directory/directory.api.ts), as bytes outside V8's heap. */
  directoryApiAnswers: 24,
  /** The directory's sorted and filtered lists of ids (directory/lists/index-lists.ts). */
  directoryLists: 16,
  /** Directory, organisation and service pages as sent to visitors (http/visitor-pages.ts). */
  directoryPages: 16,
  /** The agenda's, the exchange board's and the funding calls' pages for visitors, each. */
  networkPages: 12,
  /** The evidence page's and the evidence API's answers, each (signals/evidence). */
  evidenceAnswers: 8,
  /** The glossary terms found in page texts (glossary/terms/page-terms.ts). */
  glossaryPageTerms: 8,
} as const;

export type CacheName = keyof typeof megabytes;

/** The most one cache may hold, in bytes (as its own sizeCalculation counts them). */
export function cacheBudget(name: CacheName): number {
  return megabytes[name] * 2 ** 20;
}

/** The sum of the budgets in bytes, the caches used several times over counted each time. */
export const allCachesBytes =
  Object.values(megabytes).reduce((sum, mb) => sum + mb, 0) * 2 ** 20 +
  // networkPages serves three caches and evidenceAnswers two.
  (2 * megabytes.networkPages + megabytes.evidenceAnswers) * 2 ** 20;
