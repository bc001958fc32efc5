// The documents an outcome kept (search.service.ts), held as small as they go while the outcome is
// kept: a list of numbers when few, one bit per document number when many. A broad search's
// matches as a list took 4 bytes each (200 KB for 50,000), and such lists were most of the kept
// outcomes' budget: the popular searches did not all fit and were computed again and again.

/** Document numbers, as a list or as bits (`count` of them set). */
export type DocSet = { list: Int32Array } | { bits: Uint32Array; count: number };

export function docSet(ns: Int32Array): DocSet {
  let max = -1;
  for (const n of ns) if (n > max) max = n;
  const words = (max >> 5) + 1;
  // Bits take `words` 4-byte words whatever the count; the list one per number.
  if (words >= ns.length) return { list: ns };
  const bits = new Uint32Array(words);
  for (const n of ns) bits[n >> 5]! |= 1 << (n & 31);
  return { bits, count: ns.length };
}

/** The numbers again (in increasing order when held as bits). */
export function docNumbers(set: DocSet): Int32Array {
  if ('list' in set) return set.list;
  const out = new Int32Array(set.count);
  let k = 0;
  for (let w = 0; w < set.bits.length; w++) {
    let word = set.bits[w]!;
    while (word) {
      const low = word & -word;
      out[k++] = (w << 5) | (31 - Math.clz32(low));
      word ^= low;
    }
  }
  return out;
}

export function docSetBytes(set: DocSet): number {
  return 'list' in set ? set.list.byteLength : set.bits.byteLength;
}
