// Positions ordered by score, best first, ties in position order: exactly what the stable
// `order.sort((a, b) => score[b] - score[a])` gives, in linear time. A broad query matches 50,000
// documents and more, and sorting them with a comparator took several milliseconds; this is a
// least-significant-digit radix sort on the scores' 64 bits (stable, so ties keep their order),
// which skips the bytes all scores share. Its working arrays come from typed-pool.ts; so may the
// order it returns (a view of its first n): give it back with `new Uint32Array(order.buffer)`.
import { float64s, uint32s } from './typed-pool.ts';

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Below this many, the comparator sort is as quick. */
const radixFrom = 256;

/** Positions 0..n-1 by score descending, equal scores in position order (no NaN expected). */
export function scoreOrder(score: Float64Array): Uint32Array {
  const n = score.length;
  if (n < radixFrom || !littleEndian) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => score[b]! - score[a]!);
    return Uint32Array.from(order);
  }
  // Keys whose unsigned byte order, least significant byte first, is the scores' descending order.
  const keys = float64s.take(n);
  const words = new Uint32Array(keys.buffer);
  for (let i = 0; i < n; i++) {
    keys[i] = score[i]! + 0; // -0 as +0: they compare equal
    const hi = words[2 * i + 1]!;
    if (hi & 0x80000000) continue; // negative: its own bits sort it descending
    words[2 * i + 1] = hi ^ 0x7fffffff;
    words[2 * i] = ~words[2 * i]! >>> 0;
  }
  const bytes = new Uint8Array(keys.buffer);
  const counts = uint32s.takeZeroed(8 * 256);
  for (let i = 0; i < n; i++) {
    const at = 8 * i;
    for (let d = 0; d < 8; d++) counts[d * 256 + bytes[at + d]!]!++;
  }
  let from = uint32s.take(n);
  for (let i = 0; i < n; i++) from[i] = i;
  let to = uint32s.take(n);
  for (let d = 0; d < 8; d++) {
    const base = d * 256;
    // Every key has the same byte here: this pass would change nothing.
    if (counts[base + bytes[d]!] === n) continue;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = counts[base + b]!;
      counts[base + b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const p = from[i]!;
      to[counts[base + bytes[8 * p + d]!]!++] = p;
    }
    [from, to] = [to, from];
  }
  float64s.give(keys);
  uint32s.give(counts);
  uint32s.give(to);
  return from.subarray(0, n);
}
