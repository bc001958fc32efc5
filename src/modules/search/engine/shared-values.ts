// Documents share their equal lists: most services open at one of a few sets of hours and list the
// same themes, communes and languages as their neighbours, and each held its own copy (about 1.8 KB
// a document, most of it hours, measured on the bench's directory), as well as its organisation's
// name. The index keeps one frozen copy of each distinct list and name. Frozen, so that code changing one document's list fails loudly instead of
// changing every document that shares it.
import type { IndexedDoc } from './search-types.ts';

export const sharedLists = [
  'weekly',
  'exceptions',
  'themes',
  'communes',
  'organisationCommunes',
  'quartiers',
  'points',
  'languages',
  'targetGroups',
  'access',
  'residentCommunes',
] as const satisfies readonly (keyof IndexedDoc)[];

const empty = Object.freeze([]);

/** A 32-bit hash of a text (FNV-1a). */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Whether two JSON-like values are equal: primitives, arrays and plain objects of them. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    // Key order counts, as it did when values were told apart by their JSON.
    if (ka[i] !== kb[i]) return false;
    const k = ka[i]!;
    if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

export class SharedValues {
  /**
   * The shared values by a hash of their JSON (the first of each hash). Keyed by the JSON itself,
   * the keys took 12 MB of the idle heap at 100,000 documents (a heap snapshot).
   */
  private readonly values = new Map<number, object>();
  /** Further values whose hash a value in `values` has already (rare). */
  private readonly collided = new Map<number, object[]>();
  private size = 0;

  /**
   * @param limit distinct lists kept before starting afresh: lists of removed documents are not
   * tracked, so this bounds what a long run of changes leaves behind (documents keep what they share).
   */
  constructor(
    private readonly limit = 200_000,
    /** The hash values are found by (a test makes every value collide). */
    private readonly hash: (json: string) => number = hashOf,
  ) {}

  /** The document with its lists replaced by the shared copies of equal lists. */
  share<T extends IndexedDoc>(doc: T): T {
    const lists = doc as unknown as Record<string, unknown[] | undefined>;
    for (const field of sharedLists) {
      const list = lists[field];
      if (list) lists[field] = this.list(list) as unknown[];
    }
    // Every service of an organisation carries its name.
    doc.organisationName = this.value(doc.organisationName);
    return doc;
  }

  /**
   * The shared copy of a value a snapshot part stores once (doc-snapshot.ts): a list, or an
   * organisation's name.
   */
  intern(value: object): object {
    return Array.isArray(value) ? this.list(value) : this.value(value);
  }

  private list(list: readonly unknown[]): readonly unknown[] {
    if (list.length === 0) return empty;
    return this.value(list, () =>
      Object.freeze(list.map((item) => (typeof item === 'object' ? Object.freeze(item) : item))),
    );
  }

  private value<T extends object>(value: T, freeze: () => T = () => Object.freeze(value)): T {
    const key = this.hash(JSON.stringify(value));
    const known = this.values.get(key);
    if (known !== undefined && sameValue(known, value)) return known as T;
    const more = known === undefined ? undefined : this.collided.get(key);
    for (const candidate of more ?? []) if (sameValue(candidate, value)) return candidate as T;
    if (this.size >= this.limit) {
      this.values.clear();
      this.collided.clear();
      this.size = 0;
    }
    const frozen = freeze();
    if (!this.values.has(key)) this.values.set(key, frozen);
    else if (more) more.push(frozen);
    else this.collided.set(key, [frozen]);
    this.size++;
    return frozen;
  }
}
