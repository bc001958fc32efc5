// The search index as a snapshot can take it (../snapshot.ts): each source's documents with the
// words the index holds for them, given without analysing any text again and taken back by a new
// process. Documents are given in the order of their numbers, so a snapshot made after a full build
// numbers them as that build did.
import { SearchIndex } from './search-index.ts';
import { decodeDocs, type PartDocs, ValueLines } from './doc-snapshot.ts';
import type { IndexedDoc } from './search-types.ts';
import { Int32Buffer, type WordsPart } from './term-snapshot.ts';
import { nextTurn } from '../../../shared/turns.ts';

export interface SourceContent {
  docs: IndexedDoc[];
  /** Each document's description (text-store.ts): views that keep their bytes while the index changes. */
  descriptions: Uint8Array[];
  words: WordsPart;
}

/** One part's documents decoded ahead of their placing (SnapshotSearchIndex.decodePart). */
export class DecodedPart {
  constructor(readonly content: PartDocs) {}
}

/** A source's snapshot being taken in, part by part (../snapshot.ts reads them). */
export interface SourceLoad {
  /**
   * Places one part's documents (doc-snapshot.ts: its text or bytes, or decoded already), giving the
   * event loop back every few ms.
   */
  addDocs(part: string | Buffer | DecodedPart): Promise<void>;
  /** The documents placed so far. */
  readonly documents: number;
  /** Adds the words of every document placed; the source is then loaded. */
  finish(words: WordsPart): Promise<void>;
}

export class SnapshotSearchIndex extends SearchIndex {
  /**
   * Each source's documents and their words as they are now. The caller keeps documents from being
   * added or replaced until it resolves (it gives the event loop back meanwhile).
   */
  async exportSources(sources: readonly string[]): Promise<SourceContent[]> {
    const groupOf = new Int32Array(this.docs.length).fill(-1);
    const localOf = new Int32Array(this.docs.length);
    sources.forEach((source, g) => {
      for (const n of this.byOwner.numbers(source)) groupOf[n] = g;
    });
    const docs = sources.map((): IndexedDoc[] => []);
    const descriptions = sources.map((): Uint8Array[] => []);
    this.docs.forEach((doc, n) => {
      const g = groupOf[n]!;
      if (!doc || g < 0) return;
      localOf[n] = docs[g]!.length;
      docs[g]!.push(doc);
      descriptions[g]!.push(this.descriptions.bytesOf(n));
    });
    const words = await this.terms.exportDocs(
      groupOf,
      localOf,
      docs.map((d) => d.length),
    );
    return docs.map((d, g) => ({ docs: d, descriptions: descriptions[g]!, words: words[g]! }));
  }

  /**
   * One part's documents (doc-snapshot.ts), their shared values interned, to be placed later by
   * a load's addDocs: a part read ahead is decoded as soon as it comes, so its rows' text is garbage
   * before the young generation is next collected, rather than copied and moved to the old
   * generation while the part waits its turn. `known`: value lines met before in the load.
   */
  decodePart(bytes: Buffer, known: ValueLines): DecodedPart {
    return new DecodedPart(decodeDocs(bytes, this.shared, known, this.stage));
  }

  private readonly stage = (bytes: Uint8Array, from: number, to: number) =>
    this.descriptions.stage(bytes, from, to);

  /**
   * Takes in a source's documents and words as exportSources gave them (the documents through
   * encodeDocs), in slices of at most `sliceMs` with the event loop given back in between; the
   * source has none yet. On a failure the caller removes what was placed (replace with nothing).
   * Only before the index is ready: a load counts no change until finish(), so a search paused
   * across it (term-steps.ts) would not know to start again.
   */
  loadingSource(source: string, sliceMs = 8): SourceLoad {
    if (this.owners(source).length) throw new Error(`search snapshot: ${source} is indexed already`);
    const ns = new Int32Buffer();
    const known = new ValueLines();
    return {
      addDocs: async (part) => {
        const { docs, descriptions } =
          part instanceof DecodedPart ? part.content : decodeDocs(part, this.shared, known, this.stage);
        let started = performance.now();
        for (const [i, doc] of docs.entries()) {
          ns.push(this.place(doc, source, descriptions[i]));
          if (performance.now() - started < sliceMs) continue;
          await nextTurn();
          started = performance.now();
        }
      },
      get documents() {
        return ns.length;
      },
      finish: async (words) => {
        try {
          await this.terms.importDocs(ns.toArray(), words, sliceMs);
        } finally {
          this.changed(source);
        }
      },
    };
  }
}
