// Services that only the residents of some communes may use (a CPAS/OCMW serves its own commune's
// residents): when the reader's commune is known, those meant for other communes' residents go after
// every other result, in their order, so the one competent for the reader comes first.
import type { IndexedDoc } from './search-types.ts';

/** Whether a document serves the residents of this commune (true when it serves anyone). */
export function servesResidentsOf(doc: IndexedDoc, commune: string): boolean {
  return !doc.residentCommunes?.length || doc.residentCommunes.includes(commune);
}

/** Positions in their order, those meant only for other communes' residents moved to the end. */
export function competentFirst(
  order: number[],
  docOf: (i: number) => IndexedDoc,
  commune?: string,
): number[] {
  if (!commune) return order;
  const elsewhere: number[] = [];
  const kept = order.filter((i) => servesResidentsOf(docOf(i), commune) || (elsewhere.push(i), false));
  return elsewhere.length ? [...kept, ...elsewhere] : order;
}
