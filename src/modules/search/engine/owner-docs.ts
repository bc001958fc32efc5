// The search index's document numbers by source and owner (a source replaces the documents of its
// owners together). It was one Map keyed by `${source}\0${owner}`, each value an array: at 100,000
// documents of 66,000 owners (most other sources' items are their own owner, with one document)
// that took 21 MB of the idle heap (a new key string and an array of one number each, as a heap
// snapshot showed). Now a Map per source keyed by the document's own owner string (held by the
// document anyway), and an owner with one document holds its number alone.

type Numbers = number | number[];

const listOf = (held: Numbers | undefined): readonly number[] =>
  held === undefined ? [] : typeof held === 'number' ? [held] : held;

export class OwnerDocs {
  private readonly bySource = new Map<string, Map<string, Numbers>>();

  /** The numbers of an owner's documents from one source (none: empty). */
  get(source: string, owner: string): readonly number[] {
    return listOf(this.bySource.get(source)?.get(owner));
  }

  add(source: string, owner: string, n: number): void {
    let owners = this.bySource.get(source);
    if (!owners) this.bySource.set(source, (owners = new Map()));
    const held = owners.get(owner);
    if (held === undefined) owners.set(owner, n);
    else if (typeof held === 'number') owners.set(owner, [held, n]);
    else held.push(n);
  }

  /** Forgets an owner's documents; gives their numbers. */
  delete(source: string, owner: string): readonly number[] {
    const owners = this.bySource.get(source);
    const held = owners?.get(owner);
    if (held === undefined) return [];
    owners!.delete(owner);
    if (owners!.size === 0) this.bySource.delete(source);
    return listOf(held);
  }

  /** The owners a source has documents of. */
  owners(source: string): string[] {
    return [...(this.bySource.get(source)?.keys() ?? [])];
  }

  /** Every document number of a source. */
  *numbers(source: string): Generator<number> {
    for (const held of this.bySource.get(source)?.values() ?? []) yield* listOf(held);
  }

  /** Each source, owner and document numbers. */
  *entries(): Generator<[source: string, owner: string, ns: readonly number[]]> {
    for (const [source, owners] of this.bySource)
      for (const [owner, held] of owners) yield [source, owner, listOf(held)];
  }
}
