// The in-memory search index of one app process: term-index.ts for the words (BM25, prefixes, typos),
// bitsets for filters and facet counts. It holds only what any visitor may see and is rebuilt from
// PostgreSQL, which stays the one source of truth (see live-index.ts).
import { LRUCache } from 'lru-cache';
import { DateTime } from 'luxon';
import type { Locale } from '../../../shared/i18n-text.ts';
import {
  type IndexedDoc,
  type SearchDoc,
  type SearchField,
  searchFields,
  valueFacets,
} from './search-types.ts';
import { SuggestIndex, type Suggestion, Suggestions } from './suggest-index.ts';
import { type Thesaurus } from './thesaurus.ts';
import { type Bitset, FacetDictionary, facetLists, giveBack, wantedValues } from './index-parts.ts';
import { OpenNow } from './open-now.ts';
import type { Hit, IndexQuery, IndexResult } from './search-types.ts';
import { type TermIndex } from './term-index.ts';
import { SnapshotTermIndex } from './term-snapshot.ts';
import { keptMatchesBytes, type TextMatches, textMatchesSize, textMatchSteps } from './text-matches.ts';
import { drain, type Steps } from './term-match.ts';
import { runSoon, stepSliceMs } from './term-steps.ts';
import { nextTurn } from '../../../shared/turns.ts';
import { SharedValues } from './shared-values.ts';
import { DocValuesStore } from './doc-values.ts';
import { docHash, sameHashes } from './doc-hash.ts';
import { pageOrder } from './page-order.ts';
import { distanceOf, flagsOf, runSearchSteps } from './search-run.ts';
import { OwnerDocs } from './owner-docs.ts';
import { TextStore, type TextTicket } from './text-store.ts';
import { hitOf } from './hit.ts';

export { keptMatchesBytes, textMatchesSize, type TextMatches } from './text-matches.ts';

const boosts: Record<SearchField, number> = {
  title: 3,
  organisation: 2.5,
  themes: 1.5,
  place: 2,
  description: 1,
};

export class SearchIndex {
  protected readonly terms: SnapshotTermIndex;
  protected readonly docs: (IndexedDoc | undefined)[] = [];
  /** Per document, its description's JSON (text-store.ts): read only for the hits a page shows. */
  protected readonly descriptions = new TextStore();
  /** Per document, its facet values' ids (FacetDictionary.valuesOf), all in one store (doc-values.ts). */
  private readonly docValues = new DocValuesStore(valueFacets.length);
  private readonly facetIds = new FacetDictionary();
  private readonly free: number[] = [];
  /** Per document, its docHash taken before its fields were let go; NaN or absent when unknown. */
  private readonly hashes: number[] = [];
  /** Document numbers by source and owner: a source replaces the documents of its owners. */
  protected readonly byOwner = new OwnerDocs();
  private size = 0;
  /** Bumped on every change; caches built on the index compare it. */
  version = 0;
  /** Bumped when one source's documents change: what reads one source only compares its own. */
  private readonly sourceVersions = new Map<string, number>();
  private readonly open = new OpenNow();
  /**
   * Per document number, what a search's pass reads of every match, in typed arrays: its trust and
   * its docFlag bits (search-run.ts). Read from the documents themselves, of many shapes, these
   * were most of the pass's time.
   */
  private trust = new Float64Array(1024);
  private flags = new Uint8Array(1024);
  private readonly suggestions = new Suggestions();
  protected readonly shared = new SharedValues();
  private readonly textMatches: LRUCache<string, TextMatches>;

  /** A new edition of the glossary: queries read it at once; documents are tagged anew by the caller. */
  setThesaurus(thesaurus: Thesaurus): void {
    this.thesaurus = thesaurus;
    this.textMatches.clear();
    this.suggestions.forget();
    this.version++;
  }

  constructor(
    private thesaurus: Thesaurus,
    /** The kept word matches' budget in bytes (textMatchesSize). */
    matchesBytes = keptMatchesBytes,
  ) {
    this.textMatches = new LRUCache<string, TextMatches>({
      max: 300,
      maxSize: matchesBytes,
      sizeCalculation: textMatchesSize,
    });
    // Numbers of removed documents come back once the words index holds none of their postings.
    this.terms = new SnapshotTermIndex(searchFields, boosts, (ns) => {
      for (const n of ns) this.free.push(n);
    });
  }

  get count(): number {
    return this.size;
  }

  /** The documents by number (a gap where one was removed): a changed one is a new object. */
  get documents(): readonly (IndexedDoc | undefined)[] {
    return this.docs;
  }

  /** Replaces a source's documents of some owners (all of them when `organisationIds` is absent). */
  replace(docs: SearchDoc[], organisationIds?: string[], source = ''): void {
    const hashes = docs.map(docHash);
    // Exactly the documents held (analysed fields included): a change that altered nothing shown or
    // searched (a registration counted on an event) leaves the index and its caches' versions.
    const held = organisationIds?.flatMap((id) => this.byOwner.get(source, id));
    if (
      held &&
      sameHashes(
        hashes,
        held.map((n) => this.hashes[n] ?? NaN),
      )
    )
      return;
    this.remove(source, organisationIds);
    this.add(docs, source, hashes);
    this.changed(source);
  }

  /** The version of one source's documents (see `version`). */
  sourceVersion(source: string): number {
    return this.sourceVersions.get(source) ?? 0;
  }

  protected changed(source: string): void {
    this.version++;
    // Kept matches of an older version are never used again (matchText compares): let them go now.
    this.textMatches.clear();
    this.sourceVersions.set(source, this.sourceVersion(source) + 1);
  }

  /** Indexes documents, then lets go of their analysed text: only the words index needs it, once. */
  private add(docs: SearchDoc[], source: string, hashes?: number[]): void {
    for (const [i, doc] of docs.entries()) {
      // Taken before placing: the document lets its description go to the text store.
      const hash = hashes?.[i] ?? docHash(doc);
      const n = this.place(doc, source);
      this.hashes[n] = hash;
      this.terms.add(
        n,
        searchFields.map((field) => doc.fields![field].split(' ')),
      );
      doc.fields = undefined;
    }
  }

  /**
   * The same for a whole directory, in slices that give the event loop back in between, so a
   * process indexing 50,000 services still answers its health checks. A slice lasts `sliceMs` (not a
   * number of documents: 500 took 100 ms and more on a busy machine), so no request waits longer.
   */
  async replaceGradually(
    docs: SearchDoc[],
    organisationIds?: string[],
    source = '',
    sliceMs = 8,
  ): Promise<void> {
    this.remove(source, organisationIds);
    this.changed(source);
    for (let i = 0; i < docs.length;) {
      const started = performance.now();
      do {
        this.add(docs.slice(i, i + 16), source);
        i += 16;
      } while (i < docs.length && performance.now() - started < sliceMs);
      await nextTurn();
    }
    this.changed(source);
  }

  /** The organisations a source has documents of. */
  owners(source: string): string[] {
    return this.byOwner.owners(source);
  }

  /** The words index, for what must look its terms up directly (a glossary change's documents). */
  get words(): TermIndex {
    return this.terms;
  }

  /** The owners, per source, of the documents marked in `marked` (by number). */
  ownersOf(marked: ReadonlySet<number>): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [source, owner, ns] of this.byOwner.entries()) {
      if (!ns.some((n) => marked.has(n))) continue;
      let list = out.get(source);
      if (!list) out.set(source, (list = []));
      list.push(owner);
    }
    return out;
  }

  /** The documents of these organisations from one source, or all of that source's. */
  protected remove(source: string, organisationIds = this.owners(source)): void {
    const unimported: number[] = [];
    for (const id of organisationIds) {
      for (const n of this.byOwner.delete(source, id)) {
        if (!this.terms.discard(n)) unimported.push(n);
        this.docs[n] = undefined;
        this.descriptions.delete(n);
        this.docValues.delete(n);
        this.trust[n] = 0;
        this.flags[n] = 0;
        this.hashes[n] = NaN;
        this.size--;
      }
    }
    giveBack(this.docs, this.free, unimported);
  }

  /**
   * Stores a document in a free slot and returns its number; `loaded`: a snapshot load's, its values
   * shared already and its description staged (doc-snapshot.ts). Its description goes to the text
   * store. Its facet record is made afresh and copied into the store: a snapshot load
   * kept the records of the lists it had met to find them again, but on the bench's documents 72%
   * were new, and the kept keys and arrays cost more CPU and collection than they saved (a 100,000
   * document load placed in 2.1 s of CPU instead of 2.9, with a heap 59 MB smaller at its end).
   */
  protected place(doc: SearchDoc | IndexedDoc, source: string, loaded?: TextTicket): number {
    const n = this.free.pop() ?? this.docs.length;
    // Unknown until add() gives it (a document from the snapshot has none: its first change replaces it).
    this.hashes[n] = NaN;
    this.descriptions.take(n, doc, loaded);
    this.docs[n] = loaded ? doc : this.shared.share(doc);
    const lists = facetLists(doc);
    this.docValues.set(n, this.facetIds.valuesOf(doc, lists));
    if (n >= this.trust.length) {
      const trust = new Float64Array(Math.max(n + 1, 2 * this.trust.length));
      trust.set(this.trust);
      this.trust = trust;
      const flags = new Uint8Array(trust.length);
      flags.set(this.flags);
      this.flags = flags;
    }
    this.trust[n] = doc.trust;
    this.flags[n] = flagsOf(doc);
    this.byOwner.add(source, doc.ownerId ?? doc.organisationId, n);
    this.size++;
    return n;
  }

  /** Whether a document is open now, or null when it publishes no hours. */
  isOpen(n: number, now: DateTime): boolean | null {
    return this.docs[n]?.weekly.length ? this.openNow(now).has(n) : null;
  }

  /** How many of these documents are open now. */
  countOpen(ns: Int32Array, now: DateTime): number {
    const open = this.openNow(now);
    let count = 0;
    for (const n of ns) if (open.has(n)) count++;
    return count;
  }

  /**
   * Which documents are open now, worked out for every document ahead of the first search: made by
   * that search, it held the event loop up to 46 ms at 100,000 documents (later minutes redo only
   * the documents whose answer may have changed).
   */
  prepareOpenNow(now: DateTime = DateTime.now()): void {
    this.openNow(now);
  }

  /** Documents open at this minute (open-now.ts). */
  private openNow(now: DateTime): Bitset {
    return this.open.at(now, this.docs, this.version);
  }

  /**
   * The documents matching the words, best first. Kept per text for the index version: the same
   * words come back with other filters, pages, places and page languages, and the word matching is
   * the larger part of a search.
   */
  private *matchTextSteps(text: string, anyWords = false): Steps<TextMatches> {
    const key = `${anyWords ? 'any\u0000' : ''}${text.trim().toLowerCase()}`;
    const cached = this.textMatches.get(key);
    if (cached && cached.version === this.version) return cached;
    const source = {
      terms: this.terms,
      thesaurus: this.thesaurus,
      version: this.version,
      trusts: this.trust,
      docOf: (n: number) => this.docs[n],
    };
    const result = yield* textMatchSteps(source, text, anyWords);
    this.textMatches.set(key, result);
    return result;
  }

  search(query: IndexQuery, now: DateTime = DateTime.now()): IndexResult {
    return drain(this.searchSteps(query, now));
  }

  /** A search as steps (term-match.ts) that yield while matching the words and along the pass over the matches. */
  private *searchSteps(query: IndexQuery, now: DateTime): Steps<IndexResult> {
    const { matches, concepts, partial, named } = yield* this.matchTextSteps(query.text, query.anyWords);
    const openNow = this.openNow(now);
    const near = query.near;
    const byDistance = query.sort === 'distance' && near !== undefined;
    const f = query.filters;
    const kept = yield* runSearchSteps({
      docs: this.docs,
      values: this.docValues,
      trusts: this.trust,
      flags: this.flags,
      valueCount: this.facetIds.size,
      openNow,
      ns: matches ? matches.n : null,
      scores: matches ? matches.score : null,
      // Filters as value ids; a value the index has never seen matches nothing.
      wanted: wantedValues(f, this.facetIds),
      openFilter: f.open?.length ? f.open : undefined,
      near,
      allDistances: byDistance,
      countFacets: query.facets !== false,
    });
    // Without words every document is considered, in number order: trust orders them (page-order.ts).
    const order = pageOrder(
      { ...kept, byNumber: !matches },
      this.docs,
      named,
      query.readerCommune,
      query.offset,
      query.limit,
      this.flags,
    );
    const noTerms: string[] = [];
    const hits: Hit[] = order.map((i) => {
      const n = kept.n[i]!;
      const doc = this.docs[n]!;
      const distance = kept.distance ? kept.distance[i]! : undefined;
      return hitOf(n, doc, this.descriptions.bytesOf(n), {
        score: kept.score[i]!,
        terms: matches?.terms.of(n) ?? noTerms,
        distanceKm:
          distance === undefined ? distanceOf(near, doc) : distance === Infinity ? undefined : distance,
        openNow: doc.weekly.length ? openNow.has(n) : null,
      });
    });
    const byPosition = valueFacets.map(() => new Map<string, number>());
    const { facetOf, values } = this.facetIds;
    const c = kept.counts;
    for (let id = 0; id < c.length; id++) if (c[id]) byPosition[facetOf[id]!]!.set(values[id]!, c[id]!);
    const facets = Object.fromEntries(
      valueFacets.map((facet, k) => [facet, byPosition[k]!]),
    ) as IndexResult['facets'];
    facets.open = new Map(
      (['now', 'evening', 'weekend'] as const)
        .map((o, i) => [o, kept.openCounts[i]!] as const)
        .filter(([, c]) => c > 0),
    );
    const result = { total: kept.count, kept: kept.n.slice(), hits, facets, concepts, partial };
    kept.release();
    return result;
  }

  /**
   * The same as `search`, with the event loop given back every few milliseconds: while matching the
   * words, between the index terms read, and along the pass over the matches. A broad query takes
   * tens of milliseconds at 100,000 documents. Should the index change meanwhile, the search starts
   * again (runSoon), so it gives what `search` gives at the end.
   */
  searchSoon(query: IndexQuery, now: DateTime = DateTime.now(), sliceMs = stepSliceMs): Promise<IndexResult> {
    const state = () => `${this.version} ${this.terms.changes}`;
    return runSoon(() => ({ steps: this.searchSteps(query, now), state: state() }), state, sliceMs);
  }

  /** The bytes the kept word matches hold now (textMatchesSize), never above their budget. */
  get keptMatchesSize(): number {
    return this.textMatches.calculatedSize;
  }

  /** Completions for what has been typed so far: titles of every document, and concepts. */
  suggest(text: string, locale: Locale, limit = 8): Promise<Suggestion[]> {
    return this.suggestions.suggest(text, locale, limit, this.version, this.makeSuggestions);
  }

  /** Whether suggestions are made, by `prepareSuggestions` or by an ask. */
  get suggestionsMade(): boolean {
    return this.suggestions.made;
  }

  /** The suggestions made ahead of the first ask, in slices (1–2 s of work at 100,000 documents). */
  prepareSuggestions(): Promise<void> {
    return this.suggestions.prepare(this.version, this.makeSuggestions);
  }

  // The documents and glossary as they are now: a change meanwhile comes with the next making.
  private readonly makeSuggestions = () => SuggestIndex.build(this.docs.slice(), this.thesaurus);
}
