// SKOS `broader` must not loop: A broader than B broader than A would make "wider concepts" endless
// and a search naming A pull in everything. Checked before a concept's wider concepts are saved,
// over the whole glossary's broader links read in the same transaction (locked by the caller).

/**
 * The loop that giving `conceptId` these wider concepts would close, from the concept back to
 * itself (["a", "b", "a"]), or null when there is none. `broaderOf` holds every other concept's
 * wider concepts as they are.
 */
export function broaderCycle(
  conceptId: string,
  broader: readonly string[],
  broaderOf: ReadonlyMap<string, readonly string[]>,
): string[] | null {
  if (broader.includes(conceptId)) return [conceptId, conceptId];
  // Depth-first from each new wider concept, along the existing links, looking for the concept.
  const seen = new Set<string>();
  const path: string[] = [conceptId];
  const walk = (id: string): boolean => {
    if (id === conceptId) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    path.push(id);
    for (const next of broaderOf.get(id) ?? []) if (walk(next)) return true;
    path.pop();
    return false;
  };
  for (const id of broader) if (walk(id)) return [...path, conceptId];
  return null;
}
