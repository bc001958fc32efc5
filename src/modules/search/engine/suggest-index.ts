// Completions while typing: titles of every document (services, organisations, events, rooms …) and thesaurus concepts whose words
// start with what was typed. A sorted word list and a binary search answer in well under a
// millisecond; the full search engine would spend tens on a two-letter prefix.
import { LRUCache } from 'lru-cache';
import { type I18nText, type Locale, pickText } from '../../../shared/i18n-text.ts';
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
  private readonly entries: Entry[] = [];
  /** Folded words, sorted, each with the entry it belongs to. */
  private readonly words: string[] = [];
  private readonly owners: number[] = [];

  constructor(docs: Iterable<SearchDoc>, thesaurus: Thesaurus) {
    const seen = new Set<string>();
    const add = (name: I18nText, type: Suggestion['type'], rank: number, id?: string) => {
      const all = Object.values(name).join(' ');
      const folded = words(all).map(fold).join(' ');
      const key = `${type}|${folded}`;
      if (!folded || seen.has(key)) return;
      seen.add(key);
      this.entries.push({ name, folded, type, id, rank });
    };
    // Concepts first: "did you mean CPAS" beats the name of one service.
    for (const concept of thesaurus.concepts) {
      add({ nl: concept.terms.nl[0], fr: concept.terms.fr[0], en: concept.terms.en[0] }, 'concept', 10);
    }
    for (const doc of docs) {
      // A glossary term is offered as its concept already.
      if (doc.type === 'term') continue;
      add(doc.name, doc.type, doc.trust, doc.id);
      if (doc.type === 'service') add(doc.organisationName, 'organisation', doc.trust, doc.organisationId);
    }
    const pairs: [string, number][] = [];
    this.entries.forEach((entry, i) => {
      for (const word of new Set(entry.folded.split(' '))) pairs.push([word, i]);
    });
    pairs.sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : this.entries[b[1]]!.rank - this.entries[a[1]]!.rank,
    );
    for (const [word, i] of pairs) {
      this.words.push(word);
      this.owners.push(i);
    }
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
 * new name may take that long to be offered), with the answers kept per prefix meanwhile.
 */
export class Suggestions {
  private built:
    | { version: number; builtAt: number; index: SuggestIndex; answers: LRUCache<string, Suggestion[]> }
    | undefined;

  /** After a new thesaurus: made again at the next call. */
  forget(): void {
    this.built = undefined;
  }

  suggest(
    text: string,
    locale: Locale,
    limit: number,
    version: number,
    make: () => SuggestIndex,
  ): Suggestion[] {
    const stale = !this.built || (this.built.version !== version && Date.now() - this.built.builtAt > 10_000);
    if (stale)
      this.built = { version, builtAt: Date.now(), index: make(), answers: new LRUCache({ max: 5_000 }) };
    const { index, answers } = this.built!;
    const key = `${locale}|${limit}|${text}`;
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = index.suggest(text, locale, limit)));
    return answer;
  }
}
