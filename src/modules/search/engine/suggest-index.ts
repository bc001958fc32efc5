// Completions while typing: titles of every document (services, organisations, events, rooms …) and thesaurus concepts whose words
// start with what was typed. A sorted word list and a binary search answer in well under a
// millisecond; the full search engine would spend tens on a two-letter prefix.
import { LRUCache } from 'lru-cache';
import { type I18nText, type Locale, pickText } from '../../../shared/i18n-text.ts';
import { Slices, sortInSlices } from '../../../shared/slices.ts';
import { nextTurn } from '../../../shared/turns.ts';
import { type DocType, docTypes, type IndexedDoc } from './search-types.ts';
import type { Thesaurus } from './thesaurus.ts';
import { FoldedNames, type Units, unitsInclude } from './folded-names.ts';
import { fold, words } from './text.ts';

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
    /** Every entry's folded words, each entry as " word word", one after the other (code units). */
    private readonly folded: Units,
    private readonly foldedStart: Int32Array,
    /** The distinct folded words, sorted, one after the other in one string. */
    private readonly wordText: string,
    private readonly wordStart: Int32Array,
    /** For word w, its entries are owners[ownerStart[w]..ownerStart[w+1]), highest rank first. */
    private readonly ownerStart: Int32Array,
    private readonly owners: Int32Array,
  ) {}

  /**
   * Made in slices that give the event loop back (1.5–2 s of work at 100,000 documents). The names
   * are counted first and folded into one buffer (folded-names.ts): the arrays are made once at their
   * size, and the making leaves little garbage for an idle process to hold.
   */
  static async build(
    docs: readonly (IndexedDoc | undefined)[],
    thesaurus: Thesaurus,
    pause: () => Promise<void> = nextTurn,
  ): Promise<SuggestIndex> {
    const slices = new Slices(pause);
    const conceptNames = thesaurus.concepts.map((concept): I18nText => ({
      nl: concept.terms.nl[0],
      fr: concept.terms.fr[0],
      en: concept.terms.en[0],
    }));
    let most = conceptNames.length;
    let chars = conceptNames.reduce((sum, name) => sum + lengthOf(name), 0);
    for (const doc of docs) {
      if (!doc || doc.type === 'term') continue;
      most++;
      chars += lengthOf(doc.name);
      if (doc.type === 'service') {
        most++;
        chars += lengthOf(doc.organisationName);
      }
    }
    const folded = new FoldedNames(most, chars);
    const names: I18nText[] = [];
    const ids: (string | undefined)[] = [];
    const ranks = new Float64Array(most);
    const add = (name: I18nText, type: Suggestion['type'], rank: number, id?: string) => {
      const n = folded.add(Object.values(name).join(' '), types.indexOf(type));
      if (n < 0) return;
      names.push(name);
      ids.push(id);
      ranks[n] = rank;
    };
    // Concepts first: "did you mean CPAS" beats the name of one service.
    for (const name of conceptNames) add(name, 'concept', 10);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      // A glossary term is offered as its concept already.
      if (!doc || doc.type === 'term') continue;
      add(doc.name, doc.type, doc.trust, doc.id);
      if (doc.type === 'service') add(doc.organisationName, 'organisation', doc.trust, doc.organisationId);
      if ((i & 63) === 0 && slices.due) await slices.next();
    }
    const count = folded.count;
    for (let n = 0; n < count; n += 256) {
      folded.numberWords(n, Math.min(count, n + 256));
      if (slices.due) await slices.next();
    }
    const { wordCount, pairWords, pairStart } = folded;
    const wordOrder = await sortInSlices(wordCount, (a, b) => folded.compareWords(a, b), slices);
    const place = new Int32Array(wordCount);
    for (let k = 0; k < wordCount; k++) place[wordOrder[k]!] = k;
    // By word, each word's entries in their order, then highest rank first (a stable sort per word).
    const ownerStart = new Int32Array(wordCount + 1);
    const pairs = pairStart[count]!;
    for (let p = 0; p < pairs; p++) ownerStart[place[pairWords[p]!]! + 1]!++;
    for (let k = 0; k < wordCount; k++) ownerStart[k + 1]! += ownerStart[k]!;
    const owners = new Int32Array(pairs);
    const next = ownerStart.slice(0, wordCount);
    for (let n = 0; n < count; n++) {
      for (let p = pairStart[n]!; p < pairStart[n + 1]!; p++) owners[next[place[pairWords[p]!]!]!++] = n;
      if ((n & 4095) === 0 && slices.due) await slices.next();
    }
    for (let k = 0; k < wordCount; k++) {
      const sorting = byRank(owners, ownerStart[k]!, ownerStart[k + 1]!, ranks, slices);
      if (sorting) await sorting;
      if ((k & 255) === 0 && slices.due) await slices.next();
    }
    const [foldedText, foldedStart] = folded.namesText();
    const [wordText, wordStart] = folded.wordsText(wordOrder);
    return new SuggestIndex(
      names,
      ids,
      // Copies of their length: the arrays were sized with the repeats not kept.
      folded.kinds.slice(0, count),
      ranks.slice(0, count),
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
          const from = this.foldedStart[owner]!;
          const to = this.foldedStart[owner + 1]!;
          if (!before.every((b) => unitsInclude(this.folded, from, to, b))) continue;
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

/** The code units of a name's texts joined by spaces, about what its folded words take. */
function lengthOf(name: I18nText): number {
  let length = 1;
  for (const text of Object.values(name)) length += (text?.length ?? 0) + 1;
  return length;
}

/**
 * Sorts entries[from..to) highest rank first, ties kept in their order (a stable sort); a promise
 * when the entries are many and sorted in slices.
 */
function byRank(entries: Int32Array, from: number, to: number, ranks: Float64Array, slices: Slices) {
  let sorted = true;
  for (let i = from + 1; i < to && sorted; i++) sorted = ranks[entries[i - 1]!]! >= ranks[entries[i]!]!;
  if (sorted) return;
  const higher = (a: number, b: number) => ranks[b]! - ranks[a]!;
  if (to - from <= 256) {
    entries.set(Array.from(entries.subarray(from, to)).sort(higher), from);
    return;
  }
  const run = entries.slice(from, to);
  return sortInSlices(run.length, (a, b) => higher(run[a]!, run[b]!), slices).then((order) => {
    for (let k = 0; k < order.length; k++) entries[from + k] = run[order[k]!]!;
  });
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

  /** Whether a list is made (maybe older than the documents): a failed first making, tried again at an ask, counts once it succeeds. */
  get made(): boolean {
    return this.built !== undefined;
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
