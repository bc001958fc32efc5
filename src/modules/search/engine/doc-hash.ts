// What lets the index see that a change altered nothing (search-index.ts, replace): a hash of each
// document's JSON taken with its analysed fields, before the index lets them go. The fields count:
// texts only searched, never shown (a question's answers), live only there.
import { createHash } from 'node:crypto';
import type { SearchDoc } from './search-types.ts';

/** A document's JSON with its analysed fields, hashed (md5, the fastest here) to 48 bits: a number. */
export const docHash = (doc: SearchDoc): number =>
  createHash('md5').update(JSON.stringify(doc)).digest().readUIntBE(0, 6);

/** Whether two lists hold the same hashes, in any order (NaN, unknown, equals nothing). */
export function sameHashes(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  const [x, y] = [[...a].sort((p, q) => p - q), [...b].sort((p, q) => p - q)];
  return x.every((hash, i) => hash === y[i]);
}
