// What a search outcome holds in V8's heap, roughly, for the caches that keep outcomes or answers
// made from them (search.service.ts, search.web.ts) to count it in their budgets.

/**
 * An outcome's bytes: its numbers, its hits and its facets' values (about 300 on a broad search, an
 * object each). The documents are the index's; each hit holds a view of its description's bytes in
 * the index's text store (about 100 bytes: the text is parsed when read). Counting the numbers alone
 * let 64 MB hold several times that.
 */
export function outcomeBytes(outcome: {
  facets: Readonly<Record<string, readonly unknown[]>>;
  hits: readonly unknown[];
  nearest: readonly unknown[];
}): number {
  let values = 0;
  for (const list of Object.values(outcome.facets)) values += list.length;
  return 2_200 + 64 * values + 400 * (outcome.hits.length + outcome.nearest.length);
}
