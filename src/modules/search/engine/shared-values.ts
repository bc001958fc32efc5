// Documents share their equal lists: most services open at one of a few sets of hours and list the
// same themes, communes and languages as their neighbours, and each held its own copy (about 1.8 KB
// a document, most of it hours, measured on the bench's directory), as well as its organisation's
// name. The index keeps one frozen copy of each distinct list and name. Frozen, so that code changing one document's list fails loudly instead of
// changing every document that shares it.
import type { SearchDoc } from './search-types.ts';

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
] as const satisfies readonly (keyof SearchDoc)[];

const empty = Object.freeze([]);

export class SharedValues {
  private readonly values = new Map<string, object>();

  /**
   * @param limit distinct lists kept before starting afresh: lists of removed documents are not
   * tracked, so this bounds what a long run of changes leaves behind (documents keep what they share).
   */
  constructor(private readonly limit = 200_000) {}

  /** The document with its lists replaced by the shared copies of equal lists. */
  share(doc: SearchDoc): SearchDoc {
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
    const key = JSON.stringify(value);
    const known = this.values.get(key);
    if (known) return known as T;
    if (this.values.size >= this.limit) this.values.clear();
    const frozen = freeze();
    this.values.set(key, frozen);
    return frozen;
  }
}
