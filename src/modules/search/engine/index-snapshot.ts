// The search index as a snapshot can take it (../snapshot.ts): each source's documents with the
// words the index holds for them, given without analysing any text again and taken back by a new
// process. Documents are given in the order of their numbers, so a snapshot made after a full build
// numbers them as that build did.
import { SearchIndex, ownerKey } from './search-index.ts';
import { docTypes, type SearchDoc, searchFields } from './search-types.ts';
import { checkWords, type WordsPart } from './term-snapshot.ts';

export interface SourceContent {
  docs: SearchDoc[];
  words: WordsPart;
}

/** Throws unless `doc` has the shape of a document (a snapshot is checked before it is used). */
function checkDoc(doc: SearchDoc): void {
  const lists = [doc.themes, doc.communes, doc.quartiers, doc.points, doc.languages, doc.weekly];
  if (
    typeof doc !== 'object' ||
    !docTypes.includes(doc.type) ||
    typeof doc.id !== 'string' ||
    typeof doc.organisationId !== 'string' ||
    typeof doc.name !== 'object' ||
    typeof doc.trust !== 'number' ||
    !lists.every(Array.isArray) ||
    ![doc.targetGroups, doc.access, doc.exceptions].every(Array.isArray) ||
    doc.fields !== undefined
  )
    throw new Error('search snapshot: not a document');
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
      const prefix = ownerKey(source, '');
      for (const [key, ns] of this.byOwner) if (key.startsWith(prefix)) for (const n of ns) groupOf[n] = g;
    });
    const docs = sources.map((): SearchDoc[] => []);
    this.docs.forEach((doc, n) => {
      const g = groupOf[n]!;
      if (!doc || g < 0) return;
      localOf[n] = docs[g]!.length;
      docs[g]!.push(doc);
    });
    const words = await this.terms.exportDocs(
      groupOf,
      localOf,
      docs.map((d) => d.length),
    );
    return docs.map((d, g) => ({ docs: d, words: words[g]! }));
  }

  /** Adds a source's documents and words as exportSources gave them; the source has none yet. */
  async loadSource(source: string, content: SourceContent): Promise<void> {
    if (this.owners(source).length) throw new Error(`search snapshot: ${source} is indexed already`);
    checkWords(content.words, content.docs.length, searchFields.length);
    for (const doc of content.docs) checkDoc(doc);
    const ns = Int32Array.from(content.docs, (doc) => this.place(doc, source));
    try {
      await this.terms.importDocs(ns, content.words);
    } finally {
      this.changed(source);
    }
  }
}
