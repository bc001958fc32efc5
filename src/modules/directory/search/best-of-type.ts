// The index's best documents of one type for some words, for the boxes beside the search results
// (questions to the network, search.web.ts): the words as typed, no filter but the type, and no
// facet counted (a pass over a broad search's matches otherwise counted every one of them). Kept per
// index version, words and type (a few ids each), and shared by the requests that arrive together,
// so a popular search costs one engine search per index version rather than one per page.
import { LRUCache } from 'lru-cache';
import type { DocType, LiveSearchIndex } from '../../search/index.ts';

/** Per index (tests run several in one process, each counting its versions from 0). */
const keptOf = new WeakMap<LiveSearchIndex, LRUCache<string, Promise<string[]>>>();

/** Ids of the best documents of `type` for `q`, best first; none when only some of the words matched. */
export async function bestOfType(
  live: LiveSearchIndex,
  q: string,
  type: DocType,
  limit: number,
): Promise<string[]> {
  await live.readyWithin(10_000);
  const key = `${live.index.version}|${type}|${limit}|${q}`;
  let kept = keptOf.get(live);
  if (!kept) keptOf.set(live, (kept = new LRUCache({ max: 10_000 })));
  let found = kept.get(key);
  if (!found) {
    found = live.index
      .searchSoon({ text: q, filters: { type: [type] }, facets: false, sort: 'relevance', offset: 0, limit })
      .then((result) => (result.partial ? [] : result.hits.map((h) => h.doc.id)));
    kept.set(key, found);
    found.catch(() => kept.delete(key));
  }
  return found;
}
