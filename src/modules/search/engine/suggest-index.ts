// Completions while typing: titles of every document (services, organisations, events, rooms …) and thesaurus concepts whose words
// start with what was typed. A sorted word list and a binary search answer in well under a
// millisecond; the full search engine would spend tens on a two-letter prefix.
import { LRUCache } from 'lru-cache';
import { type I18nText, type Locale, pickText } from '../../../shared/i18n-text.ts';
import { Slices, sortInSlices } from '../../../shared/slices.ts';
import { nextTurn } from '../../../shared/turns.ts';
import { type DocType, docTypes, type SearchDoc } from './search-types.ts';
import type { Thesaurus } from './thesaurus.ts';
import { fold, words } from './text.ts';
import { Int32Buffer } from './term-snapshot.ts';

export interface Suggestion {
  text: string;
  type: DocType | 'concept';
  id?: string;
}

const types: readonly Suggestion['type'][] = ['concept', ...docTypes];

/**
 * Kept packed: a few strings and typed arrays in all rather than an object and a folded string per
 * name and a string per word (47 MB of small objects at 100,000 documents, each one more for the
 * garbage collector to mark and move). The names and ids are the documents' own.
 */
export class SuggestIndex {
  private constructor(
    private readonly names: readonly I18nText[],
    private readonly ids: readonly (string | undefined)[],
    private readonly typeOf: Uint8Array,
    private readonly ranks: Float64Array,
    /** Every entry's folded words, each entry as " word word", one after the other. */
    private readonly folded: string,
    private readonly foldedStart: Int32Array,
    /** The distinct folded words, sorted, one after the other in one string. */
    private readonly wordText: string,
    private readonly wordStart: Int32Array,
    /** For word w, its entries are owners[ownerStart[w]..ownerStart[w+1]), highest rank first. */
    private readonly ownerStart: Int32Array,
    private readonly owners: Int32Array,
  ) {}

  /** Made in slices that give the event loop back (1.5–2 s of work at 100,000 documents). */
  static async build(
    docs: readonly (SearchDoc | undefined)[],
    thesaurus: Thesaurus,
    pause: () => Promise<void> = nextTurn,
  ): Promise<SuggestIndex> {
    const slices = new Slices(pause);
    const names: I18nText[] = [];
    const ids: (string | undefined)[] = [];
    const typeOf: number[] = [];
    const ranks: number[] = [];
    const folded: string[] = [];
    // In 64 sets, not one: a set (or map, or array) of 150,000 entries grows in one step that held
    // the event loop 20-60 ms, which no slice boundary can split.
    const seen = Array.from({ length: 64 }, () => new Set<string>());
    const add = (name: I18nText, type: Suggestion['type'], rank: number, id?: string) => {
      const all = Object.values(name).join(' ');
      const text = words(all).map(fold).join(' ');
      const key = `${type}|${text}`;
      const shard = seen[(key.length + key.charCodeAt(key.length >> 1)) & 63]!;
      if (!text || shard.has(key)) return;
      shard.add(key);
      names.push(name);
      ids.push(id);
      typeOf.push(types.indexOf(type));
      ranks.push(rank);
      folded.push(text);
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
    seen.length = 0;
    // Each distinct word once, with the (word, entry) pairs as numbers (typed: they grow by a copy).
    const wordIds = new Map<string, number>();
    const distinct: string[] = [];
    const pairWords = new Int32Buffer();
    const pairOwners = new Int32Buffer();
    for (let i = 0; i < folded.length; i++) {
      for (const word of new Set(folded[i]!.split(' '))) {
        let id = wordIds.get(word);
        if (id === undefined) wordIds.set(word, (id = distinct.push(word) - 1));
        pairWords.push(id);
        pairOwners.push(i);
      }
      if ((i & 255) === 0 && slices.due) await slices.next();
    }
    wordIds.clear();
    const pairWord = pairWords.toArray();
    const pairOwner = pairOwners.toArray();
    const wordOrder = await sortInSlices(
      distinct.length,
      (a, b) => (distinct[a]! < distinct[b]! ? -1 : distinct[a]! > distinct[b]! ? 1 : 0),
      slices,
    );
    const place = new Int32Array(distinct.length);
    for (let k = 0; k < wordOrder.length; k++) place[wordOrder[k]!] = k;
    // By word, then highest rank first, then in the entries' order (the sort is stable).
    const order = await sortInSlices(
      pairWord.length,
      (a, b) => place[pairWord[a]!]! - place[pairWord[b]!]! || ranks[pairOwner[b]!]! - ranks[pairOwner[a]!]!,
      slices,
    );
    const ownerStart = new Int32Array(distinct.length + 1);
    const owners = new Int32Array(order.length);
    for (let k = 0; k < order.length; k++) {
      ownerStart[place[pairWord[k]!]! + 1]!++;
      owners[k] = pairOwner[order[k]!]!;
      if ((k & 4095) === 0 && slices.due) await slices.next();
    }
    for (let k = 0; k < distinct.length; k++) ownerStart[k + 1]! += ownerStart[k]!;
    const [foldedText, foldedStart] = await packed(folded, ' ', slices);
    const [wordText, wordStart] = await packed(
      Array.from(wordOrder, (w) => distinct[w]!),
      '',
      slices,
    );
    return new SuggestIndex(
      names,
      ids,
      Uint8Array.from(typeOf),
      Float64Array.from(ranks),
      foldedText,
      foldedStart,
      wordText,
      wordStart,
      ownerStart,
      owners,
    );
  }

  /** Every (word, entry) pair in the order suggest reads them (for tests). */
  pairs(): { words: string[]; owners: number[] } {
    const out = { words: [] as string[], owners: [...this.owners] };
    for (let w = 0; w + 1 < this.wordStart.length; w++) {
      for (let k = this.ownerStart[w]!; k < this.ownerStart[w + 1]!; k++) out.words.push(this.word(w));
    }
    return out;
  }

  private word(w: number): string {
    return this.wordText.slice(this.wordStart[w], this.wordStart[w + 1]);
  }

  private firstAtLeast(prefix: string): number {
    let lo = 0;
    let hi = this.wordStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.word(mid) < prefix) lo = mid + 1;
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
    const found: number[] = [];
    const taken = new Set<number>();
    const { wordText, wordStart, ownerStart, owners } = this;
    const count = wordStart.length - 1;
    // Scanning stops after a bounded number of words, so a one-letter prefix costs no more.
    let scanned = 0;
    for (let w = this.firstAtLeast(last); w < count && scanned < 5_000; w++) {
      const at = wordStart[w]!;
      if (wordStart[w + 1]! - at < last.length || !wordText.startsWith(last, at)) break;
      for (let k = ownerStart[w]!; k < ownerStart[w + 1]! && scanned < 5_000; k++, scanned++) {
        const owner = owners[k]!;
        if (taken.has(owner)) continue;
        if (before.length) {
          const name = this.folded.slice(this.foldedStart[owner], this.foldedStart[owner + 1]);
          if (!before.every((b) => name.includes(b))) continue;
        }
        taken.add(owner);
        found.push(owner);
      }
    }
    // Highest rank first, ties in the order found (a stable sort).
    return found
      .sort((a, b) => this.ranks[b]! - this.ranks[a]!)
      .slice(0, limit)
      .map((e) => ({
        text: pickText(this.names[e]!, locale)?.text ?? '',
        type: types[this.typeOf[e]!]!,
        id: this.ids[e],
      }));
  }
}

/**
 * Strings, each after `before`, as one flat string and where each starts (one more: the end):
 * joined a few thousand at a time, then the joined pieces at once.
 */
async function packed(
  parts: readonly string[],
  before: string,
  slices: Slices,
): Promise<[string, Int32Array]> {
  const start = new Int32Array(parts.length + 1);
  const pieces: string[] = [];
  for (let from = 0; from < parts.length; from += 4096) {
    const to = Math.min(parts.length, from + 4096);
    for (let i = from; i < to; i++) start[i + 1] = start[i]! + before.length + parts[i]!.length;
    pieces.push(before + parts.slice(from, to).join(before));
    if (slices.due) await slices.next();
  }
  return [pieces.join(''), start];
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

  /** Made ahead of the first ask (once the index is ready), so that the first to type does not wait for it. */
  prepare(version: number, make: () => Promise<SuggestIndex>): Promise<void> {
    if (!this.built && !this.building) this.building = this.rebuild(version, make);
    return this.building ?? Promise.resolve();
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
