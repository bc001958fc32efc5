// A sorted array kept up to date: some elements out, some in, without sorting it all again. The
// directory's lists (index-lists.ts) hold tens of thousands of organisations ordered by a collator,
// which takes hundreds of milliseconds to sort; a change touches a few.

/**
 * The array without `removed`, with `added` put in their places: the same as sorting it all again
 * with a total order. Compares about `added.length × log(array.length)` times.
 */
export function updateSorted<T>(
  sorted: readonly T[],
  removed: ReadonlySet<T>,
  added: T[],
  compare: (a: T, b: T) => number,
): T[] {
  const kept = removed.size ? sorted.filter((e) => !removed.has(e)) : sorted;
  if (!added.length) return kept === sorted ? [...sorted] : (kept as T[]);
  const fresh = [...added].sort(compare);
  const out: T[] = [];
  let from = 0;
  for (const e of fresh) {
    let lo = from;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(kept[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) out.push(kept[i]!);
    out.push(e);
    from = lo;
  }
  for (let i = from; i < kept.length; i++) out.push(kept[i]!);
  return out;
}
