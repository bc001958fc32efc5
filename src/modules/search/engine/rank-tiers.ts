// Ranking by tiers, before the score: a listing whose name the words give comes first, and an
// organisation that lists no service (an imported one, say) comes after those that do. Without
// the tiers, a search for "CPAS de Bruxelles" showed services that mention the CPAS above the CPAS
// itself, and a search by a commune's name showed hundreds of imported clubs and shops.
import type { TermIndex, TermQuery } from './term-index.ts';
import type { SearchDoc, SearchField } from './search-types.ts';
import { isPlaceWord } from './text-query.ts';
import { fold, isStopword, words } from './text.ts';

/** The fields that name a listing: the service's and the organisation's names, and its place. */
const nameFields: SearchField[] = ['title', 'organisation', 'place'];

/**
 * The documents whose names (and place) hold every word of the query, or null when the words are
 * only places ("Bruxelles" names a commune, not a listing).
 */
export function namedBy(terms: TermIndex, query: TermQuery, text: string): Set<number> | null {
  const typed = words(text).filter((w) => !isStopword(w));
  if (!typed.some((w) => !isPlaceWord(fold(w)))) return null;
  const found = terms.search(query, { fields: nameFields });
  return found.length ? new Set(found.map((r) => r.n)) : null;
}

/**
 * Positions 0..count-1 (already in score order) reordered by tier, keeping the score order within
 * each: named services, named organisations without services, other services, other
 * organisations without services.
 */
export function tierOrder(
  count: number,
  docOf: (i: number) => { n: number; doc: SearchDoc },
  named: Set<number> | null,
): number[] {
  const tiers: number[][] = [[], [], [], []];
  for (let i = 0; i < count; i++) {
    const { n, doc } = docOf(i);
    tiers[(named?.has(n) ? 0 : 2) + (doc.type === 'organisation' ? 1 : 0)]!.push(i);
  }
  return tiers.flat();
}
