// The cell key method (as in ABS TableBuilder and the ONS's tables): after small cells are hidden
// (suppression.ts), every count that is shown is moved by a little noise, -2 to +2, so that no
// chain of totals, no pair of overlapping filters and no comparison of two builds gives a hidden
// count exactly. The noise is not random at each ask: it comes from a fixed table, looked up with
// the cell's count and its key, the sum modulo 256 of its records' keys (a number 0..255 per record
// from a secret and the record's id, computed in PostgreSQL: evidence-source.ts). So the same
// records always give the same number, however the cell is reached and however often it is asked
// (nothing averages away), and one record more gives a new key, hence a new noise: two builds
// differ by that record plus a new noise, not by exactly one.
//
// Each row of the table is a distribution over the 256 keys with mean 0: for counts of 7 and more,
// -2, -1, 0, +1, +2 for about 10, 20, 40, 20 and 10 % of the keys; for 6, never under -1; for 5,
// none (a shown number is never under 5, and a mean of 0 leaves 5 nothing but 0). Zero stays 0.
import type { EvidenceCube } from './evidence-cube.ts';
import { smallestShown } from './suppression.ts';

/** The table's rows: how many of the 256 keys give each noise (the noises listed with them). */
const rows = {
  wide: { noises: [-2, -1, 0, 1, 2], keys: [26, 51, 102, 51, 26] },
  six: { noises: [-1, 0, 1, 2], keys: [64, 144, 32, 16] },
  five: { noises: [0], keys: [256] },
} as const;

function tableRow(row: { noises: readonly number[]; keys: readonly number[] }): Int8Array {
  const out = new Int8Array(256);
  let at = 0;
  row.noises.forEach((noise, i) => out.fill(noise, at, (at += row.keys[i]!)));
  if (at !== 256) throw new Error('a row of the noise table must cover the 256 keys');
  return out;
}

const wide = tableRow(rows.wide);
const six = tableRow(rows.six);
const five = tableRow(rows.five);

/** The largest noise either way: what the page and the API tell users. */
export const noiseBound = 2;

/**
 * The noise of a cell counting `count` (5 or more) whose key is `key` (0..255). The key is shifted
 * by an amount that depends on the count, so that a cell and a total with the same key but another
 * count draw unrelated noises; the shift is the same for all keys, so each row keeps its mean of 0.
 */
export function noise(count: number, key: number): number {
  const row = count >= smallestShown + 2 ? wide : count === smallestShown + 1 ? six : five;
  const shift = Math.imul(count, 0x9e3779b1) >>> 24;
  return row[(key + shift) & 255]!;
}

/** The number a cell shows: 0 for nobody, else its count moved by its noise, never under 5. */
export function shownValue(count: number, key: number): number {
  if (count === 0) return 0;
  return Math.max(smallestShown, count + noise(count, key));
}

/** The published values of every cell of the cube (hidden cells are 0 here and never read). */
export function perturb(cube: EvidenceCube, hidden: Uint8Array): Int32Array {
  const { counts, keys } = cube;
  const shown = new Int32Array(counts.length);
  for (let i = 0; i < counts.length; i++)
    if (!hidden[i] && counts[i]! > 0) shown[i] = shownValue(counts[i]!, keys[i]!);
  return shown;
}
