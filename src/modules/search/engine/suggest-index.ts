// Completions while typing: titles of every document (services, organisations, events, rooms …) and thesaurus concepts whose words
// start with what was typed. A sorted word list and a binary search answer in well under a
// millisecond; the full search engine would spend tens on a two-letter prefix.
import { LRUCache } from 'lru-cache';
import { type I18nText, type Locale, pickText } from '../../../shared/i18n-text.ts';
import { setImmediatePause, Slices, sortInSlices } from '../../../shared/slices.ts';
import type { DocType, SearchDoc } from './search-types.ts';
import type { Thesaurus } from './thesaurus.ts';
import { fold, words } from './text.ts';

export interface Suggestion {
  text: string;
  type: DocType | 'concept';
  id?: string;
}

interface Entry {
  name: I18nText;
  /** Every word of every language version, folded, to check earlier typed words against. */
  folded: string;
  type: Suggestion['type'];
  id?: string;
  rank: number;
}

export class SuggestIndex {
  private constructor(
    private readonly entries: Entry[],
    /** Folded words, sorted, each with the entry it belongs to. */
    private readonly words: string[],
    private readonly owners: Int32Array,
  ) {}

  /** Made in slices that give the event loop back (1.5–2 s of work at 100,000 documents). */
  static async build(
    docs: readonly (SearchDoc | undefined)[],
    thesaurus: Thesaurus,
    pause: () => Promise<void> = setImmediatePause,
  ): Promise<SuggestIndex> {
    const slices = new Slices(pause);
    const entries: Entry[] = [];
    const seen = new Set<string>();
    const add = (name: I18nText, type: Suggestion['type'], rank: number, id?: string) => {
      const all = Object.values(name).join(' ');
      const folded = words(all).map(fold).join(' ');
      const key = `${type}|${folded}`;
      if (!folded || seen.has(key)) return;
      seen.add(key);
      entries.push({ name, folded, type, id, rank });
    };
    // Concepts first: "did you mean CPAS" beats the name of one service.
    for (const concept of thesaurus.concepts) {
      add({ nl: concept.terms.nl[0], fr: concept.terms.fr[0], en: concept.terms.en[0] }, 'concept', 10);
    }
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      // A glossary term is offered as its concept already.
      if (!doc || doc.type === 'term') continue;
      add(doc.name, doc.type, doc.trust, doc.id);
      if (doc.type === 'service') add(doc.organisationName, 'organisation', doc.trust, doc.organisationId);
      if ((i & 63) === 0 && slices.due) await slices.next();
    }
    const pairWords: string[] = [];
    const pairOwners: number[] = [];
    for (let i = 0; i < entries.length; i++) {
      for (const word of new Set(entries[i]!.folded.split(' '))) {
        pairWords.push(word);
        pairOwners.push(i);
      }
      if ((i & 255) === 0 && slices.due) await slices.next();
    }
    const order = await sortInSlices(
      pairWords.length,
      (a, b) => {
        const wa = pairWords[a]!;
        const wb = pairWords[b]!;
        return wa < wb ? -1 : wa > wb ? 1 : entries[pairOwners[b]!]!.rank - entries[pairOwners[a]!]!.rank;
      },
      slices,
    );
    const sortedWords = Array.from(order, (p) => pairWords[p]!);
    const owners = Int32Array.from(order, (p) => pairOwners[p]!);
    return new SuggestIndex(entries, sortedWords, owners);
  }

  private firstAtLeast(prefix: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  suggest(text: string, locale: Locale, limit = 8): Suggestion[] {
    const typed = words(text).map(fold).slice(0, 12);
    const last = typed.pop();
    if (!last) return [];
    // Earlier words must appear in the name too ("maison méd" → "Maison médicale …").
    const before = typed.map((w) => ` ${w}`);
    const found: Entry[] = [];
    const taken = new Set<number>();
    // Scanning stops after a bounded number of words, so a one-letter prefix costs no more.
    for (
      let i = this.firstAtLeast(last), scanned = 0;
      i < this.words.length && scanned < 5_000;
      i++, scanned++
    ) {
      if (!this.words[i]!.startsWith(last)) break;
      const owner = this.owners[i]!;
      if (taken.has(owner)) continue;
      const entry = this.entries[owner]!;
      if (!before.every((w) => ` ${entry.folded}`.includes(w))) continue;
      taken.add(owner);
      found.push(entry);
    }
    return found
      .sort((a, b) => b.rank - a.rank)
      .slice(0, limit)
      .map((e) => ({ text: pickText(e.name, locale)?.text ?? '', type: e.type, id: e.id }));
  }
}

/**
 * The suggestions of an index that changes: made again after changes at most every ten seconds (a
 * new name may take that long, and the making's few seconds, to be offered), with the answers kept
 * per prefix meanwhile. A new one is made in slices while the former one answers; only the first
 * is waited for.
 */
export class Suggestions {
  private built:
    | {
        version: number;
        builtAt: number;
        generation: number;
        index: SuggestIndex;
        answers: LRUCache<string, Suggestion[]>;
      }
    | undefined;
  private building: Promise<void> | undefined;
  /** Bumped by `forget`: what was made or is being made before is made again. */
  private generation = 0;

  /** After a new thesaurus: made again (the former answers until then). */
  forget(): void {
    this.generation++;
  }

  async suggest(
    text: string,
    locale: Locale,
    limit: number,
    version: number,
    make: () => Promise<SuggestIndex>,
  ): Promise<Suggestion[]> {
    let built = this.built;
    const stale =
      !built ||
      built.generation !== this.generation ||
      (built.version !== version && Date.now() - built.builtAt > 10_000);
    if (stale && !this.building) {
      this.building = this.rebuild(version, make);
      // Answered meanwhile from the former list; a rebuild that failed is tried at the next ask.
      this.building.catch(() => {});
    }
    while (!built) {
      await (this.building ??= this.rebuild(version, make));
      built = this.built;
    }
    const { index, answers } = built;
    const key = `${locale}|${limit}|${text}`;
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = index.suggest(text, locale, limit)));
    return answer;
  }

  private async rebuild(version: number, make: () => Promise<SuggestIndex>): Promise<void> {
    const generation = this.generation;
    const builtAt = Date.now();
    try {
      const index = await make();
      if (generation === this.generation || !this.built)
        this.built = { version, builtAt, generation, index, answers: new LRUCache({ max: 5_000 }) };
    } finally {
      this.building = undefined;
    }
  }
}
