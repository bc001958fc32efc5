// Which documents a new glossary edition can change, so that a moderator's word re-reads those
// rather than every document. A document gets a concept's token when the thesaurus finds one of the
// concept's terms in one of its texts (Thesaurus.tag); the token and the text's words go into the
// same field of the words index. So the documents an edition can change are those holding the token
// of a concept that lost a term (or went), and those whose words could match a term a concept gained
// (a new concept: all its terms); a document tagged with the concept already keeps it. For each field,
// the documents holding every word of the term, in each form tag() compares: the stem in the text's
// language; the word as written, in a text of another language, which the index holds as that text's
// stem of it (with accents the written word may stem otherwise, so every index term such a word could
// give is looked up). Documents may be tagged with any edition read since the last re-index was done
// (a re-index given way to a newer one, a change indexed meanwhile): the change is taken from each of
// them. Too many documents, or a term that cannot be bounded: all of them.
import type { Executor } from '../../db/client.ts';
import { holdHeapGrowthBound } from '../../shared/heap-growth.ts';
import type { Locale } from '../../shared/i18n-text.ts';
import type { SearchIndex } from './engine/search-index.ts';
import { searchFields } from './engine/search-types.ts';
import type { TermIndex } from './engine/term-index.ts';
import { type Concept, conceptToken } from './engine/thesaurus.ts';
import { fold, isStopword, stemOf, words } from './engine/text.ts';
import type { SearchSource } from './search-source.ts';

/** Organisations whose documents a glossary change reads and replaces at once. */
export const reindexSlice = 200;
/** More documents than this share of the index: all of them are read anew, in order. */
const partialShare = 1 / 3;
/** More editions than this since the last re-index was done: all documents. */
const maxEditions = 50;

export interface ReindexSlice {
  source: SearchSource;
  owners: string[];
}

const languages = ['nl', 'fr', 'en'] as const;

/**
 * The editions the index's documents may be tagged with: the one of the last re-index done (or of
 * the first load) and every one read after it. Each is the thesaurus's concepts.
 */
export class TaggedEditions {
  private editions: (readonly Concept[])[] = [];

  /** A new edition is the thesaurus: documents indexed from now on are tagged with it. */
  read(concepts: readonly Concept[]): void {
    if (this.editions.at(-1) !== concepts) this.editions.push(concepts);
  }

  /** Every document is tagged with this edition, or one read after it. */
  settled(concepts: readonly Concept[]): void {
    const at = this.editions.lastIndexOf(concepts);
    this.editions = at >= 0 ? this.editions.slice(at) : [concepts, ...this.editions];
  }

  get all(): readonly (readonly Concept[])[] {
    return this.editions;
  }
}

/**
 * Reads a slice's documents anew and replaces them. A full slice (the edition changes hundreds of
 * owners' documents) is an intake: the heap's growth is bounded meanwhile (shared/heap-growth.ts).
 */
export async function replaceSlice(index: SearchIndex, db: Executor, slice: ReindexSlice): Promise<void> {
  const release = slice.owners.length >= reindexSlice ? holdHeapGrowthBound() : undefined;
  try {
    const docs = await slice.source.documents(db, slice.owners);
    index.replace(docs, slice.owners, slice.source.name);
  } finally {
    release?.();
  }
}

/** Every document of every source, a few organisations at a time. */
export function allSlices(index: SearchIndex, sources: readonly SearchSource[]): ReindexSlice[] {
  return sources.flatMap((source) => slicesOf(source, index.owners(source.name)));
}

function slicesOf(source: SearchSource, owners: string[]): ReindexSlice[] {
  return Array.from({ length: Math.ceil(owners.length / reindexSlice) }, (_, i) => ({
    source,
    owners: owners.slice(i * reindexSlice, (i + 1) * reindexSlice),
  }));
}

/**
 * The slices to read for the edition `now`, when the documents are tagged with one of `before`:
 * the documents it can change, or all of them (`partial` false) when that is too many to be worth it.
 */
export async function glossarySlices(
  index: SearchIndex,
  sources: readonly SearchSource[],
  before: readonly (readonly Concept[])[],
  now: readonly Concept[],
): Promise<{ slices: ReindexSlice[]; partial: boolean; documents: number }> {
  const marked = before.length <= maxEditions ? await affectedDocuments(index, before, now) : null;
  if (!marked || marked.size > index.count * partialShare)
    return { slices: allSlices(index, sources), partial: false, documents: index.count };
  const owners = index.ownersOf(marked);
  const slices = sources.flatMap((source) => slicesOf(source, owners.get(source.name) ?? []));
  return { slices, partial: true, documents: marked.size };
}

/**
 * The postings the words' lookups may read for one change. Thousands of new concepts whose words
 * share starts with common words ("bench concept 12": every term starting with "con") read the same
 * long lists again and again: at 215,000 documents that held a process for minutes (the bench). Each
 * word's documents are now read once per change and kept (4 bytes a posting: 16 MB at most), so
 * 3,000 such concepts at 100,000 documents fit. Past it the full re-index, in slices, is taken instead.
 */
export const lookupBudget = 4_000_000;
/**
 * Documents of a pattern's rarest word looked for in its other words' (a set lookup each, far
 * cheaper than reading a posting): 3,000 concepts whose rarest word is a postcode look at millions.
 */
const checksPerPosting = 20;

/** A concept's terms, each as its language and its text. */
const termsOf = (concept: Concept | undefined): Set<string> =>
  new Set(
    Object.entries(concept?.terms ?? {}).flatMap(([lang, terms]) =>
      (terms as string[]).map((term) => `${lang}\u0000${term}`),
    ),
  );

const perField = () => searchFields.map(() => new Set<number>());

/** The documents (by number) whose tags `now` can change, or null when that is not bounded. */
export async function affectedDocuments(
  index: SearchIndex,
  before: readonly (readonly Concept[])[],
  now: readonly Concept[],
  /** Postings the lookups may read before the full re-index is taken instead (see lookupBudget). */
  budget = lookupBudget,
): Promise<Set<number> | null> {
  const current = new Map(now.map((c) => [c.id, termsOf(c)]));
  // Concepts that lost a term (or went): the documents tagged with them. Terms gained: the
  // documents that may use them (those tagged with the concept already keep it).
  const lost = new Set<string>();
  const gained = new Map<string, Set<string>>();
  for (const edition of before) {
    const seen = new Set<string>();
    for (const concept of edition) {
      seen.add(concept.id);
      const next = current.get(concept.id) ?? new Set();
      const old = termsOf(concept);
      if ([...old].some((term) => !next.has(term))) lost.add(concept.id);
      for (const term of next) if (!old.has(term)) addTo(gained, concept.id, term);
    }
    for (const [id, terms] of current) if (!seen.has(id)) for (const term of terms) addTo(gained, id, term);
  }
  const marked = new Set<number>();
  for (const id of lost) {
    const holding = perField();
    index.words.holders(conceptToken(id), holding);
    for (const field of holding) for (const n of field) marked.add(n);
  }
  const lookup = new TermLookup(index.words);
  const left = { postings: budget, checks: budget * checksPerPosting };
  // Thousands of new concepts take a while: searches go on in between (a few ms at a time).
  let started = performance.now();
  for (const terms of gained.values()) {
    for (const pattern of patternsOf(terms))
      // A term none of whose words can be looked up: every document may have it.
      if (!matchDocuments(pattern, lookup, marked, left)) return null;
    if (performance.now() - started > 8) {
      await new Promise((resolve) => setImmediate(resolve));
      started = performance.now();
    }
  }
  return marked;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

interface Pattern {
  /** The language of the texts it is looked for in. */
  lang: Locale;
  /** Compared by stem in the text's language, else folded as written (Thesaurus). */
  byStem: boolean;
  /** The words tag() compares, in order. */
  keys: string[];
}

/** Terms (language and text, as termsOf gives them) made into patterns as Thesaurus does, per text language. */
function patternsOf(terms: Iterable<string>): Pattern[] {
  const out: Pattern[] = [];
  for (const entry of terms) {
    const cut = entry.indexOf('\u0000');
    const [termLang, term] = [entry.slice(0, cut), entry.slice(cut + 1)];
    for (const lang of languages) {
      const byStem = termLang === lang;
      const all = words(term);
      const keys = all.filter((w) => !isStopword(w)).map((w) => (byStem ? stemOf(w, lang) : fold(w)));
      if (!keys.length || (keys.length === 1 && all.length > 1)) continue;
      out.push({ lang, byStem, keys });
    }
  }
  return out;
}

/**
 * Marks the documents that may hold a pattern: in some field, a possible index term of each of its
 * words. False when a word's index terms cannot be bounded, or the lookups pass the budget.
 * Each word's documents are read once for the whole change (TermLookup keeps them): thousands of
 * concepts sharing words ("bench concept 12", "bench concept 13") read "bench" and "concept" once.
 * A word that no document holds ends the pattern at once; otherwise the documents of its rarest
 * word are looked for in the others' (each one looked at comes off the budget's checks).
 */
function matchDocuments(
  pattern: Pattern,
  lookup: TermLookup,
  marked: Set<number>,
  left: { postings: number; checks: number },
): boolean {
  const held: Holding[] = [];
  for (const key of pattern.keys) {
    const holding = lookup.holding(key, pattern, left);
    if (!holding) return false;
    if (left.postings < 0) return false;
    if (!holding.size) return true;
    held.push(holding);
  }
  const [rarest, ...others] = held.sort((a, b) => a.size - b.size);
  if (!rarest) return true;
  left.checks -= rarest.size;
  if (left.checks < 0) return false;
  rarest.fields.forEach((field, f) => {
    for (const n of field) if (others.every((o) => holds(o.fields[f]!, n))) marked.add(n);
  });
  return true;
}

/** Accented letters a folded letter may have been written with (fold() takes them back). */
const accented: Record<string, string[]> = {
  a: ['à', 'â', 'ä', 'á', 'ã', 'å'],
  e: ['é', 'è', 'ê', 'ë'],
  i: ['î', 'ï', 'í', 'ì'],
  o: ['ô', 'ö', 'ó', 'ò', 'õ'],
  u: ['ù', 'û', 'ü', 'ú'],
  c: ['ç'],
  n: ['ñ'],
  y: ['ÿ', 'ý'],
};
const ligatures: [string, string][] = [
  ['oe', 'œ'],
  ['ae', 'æ'],
  ['ss', 'ß'],
];

/** The documents that may hold a word, per field (sorted numbers, far smaller than sets), and how many. */
interface Holding {
  fields: readonly Int32Array[];
  size: number;
}

/** Whether sorted `list` has `n`. */
function holds(list: Int32Array, n: number): boolean {
  let [lo, hi] = [0, list.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = list[mid]!;
    if (at === n) return true;
    if (at < n) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Where a word's index terms are found and the documents holding them, memoised per word and language. */
class TermLookup {
  private readonly known = new Map<string, string[]>();
  private readonly held = new Map<string, Holding | null>();
  constructor(readonly terms: TermIndex) {}

  /**
   * The documents holding an index term the pattern's word may have given, per field (null when
   * that cannot be bounded); the postings read the first time come off `left`.
   */
  holding(key: string, { byStem, lang }: Pattern, left: { postings: number }): Holding | null {
    const memo = `${byStem ? 'stem' : lang}\u0000${key}`;
    let out = this.held.get(memo);
    if (out !== undefined) return out;
    const candidates = byStem ? (key ? [key] : null) : this.writtenForms(key, lang);
    if (candidates) {
      const fields = perField();
      for (const term of candidates) left.postings -= this.terms.holders(term, fields);
      out = {
        fields: fields.map((field) => Int32Array.from(field).sort()),
        size: fields.reduce((n, field) => n + field.size, 0),
      };
    } else out = null;
    this.held.set(memo, out);
    return out;
  }

  /**
   * The index terms a word written as `folded` (once folded) in a text of `lang` may have given:
   * its stem when written so; with accents, the stemmer may cut it otherwise. Snowball stemmers keep
   * the word's start and change at most a few letters at its end, so for a word of 5 letters or
   * more that is every term sharing its first 3 letters (or a shorter start of it, whole) with at
   * most 4 letters after the part in common; a shorter word's accented forms are stemmed one by one.
   */
  writtenForms(folded: string, lang: Locale): string[] {
    const memo = `${lang}\u0000${folded}`;
    let out = this.known.get(memo);
    if (out) return out;
    const found = new Set<string>([stemOf(folded, lang) || folded]);
    // Digits have no accents, and no stemmer's suffix ends in one: a number is its own term.
    if (/^\d+$/.test(folded)) return [...found].filter((t) => this.terms.has(t));
    if (folded.length <= 4) for (const form of accentedForms(folded)) found.add(stemOf(form, lang) || folded);
    for (let k = 1; k < Math.min(3, folded.length); k++) found.add(folded.slice(0, k));
    if (folded.length >= 3) for (const term of this.termsNear(folded)) found.add(term);
    out = [...found].filter((t) => this.terms.has(t));
    this.known.set(memo, out);
    return out;
  }

  private readonly near = new Map<string, string[]>();

  /** Index terms sharing at least the first 3 letters with the word, and at most 4 letters more. */
  private termsNear(folded: string): string[] {
    let out = this.near.get(folded);
    if (out) return out;
    out = [];
    for (const term of this.terms.termsStartingWith(folded.slice(0, 3))) {
      let common = 3;
      while (common < term.length && common < folded.length && term[common] === folded[common]) common++;
      if (term.length - common <= 4) out.push(term);
    }
    this.near.set(folded, out);
    return out;
  }
}

/** Every way a short folded word can have been written with accents or ligatures (itself too). */
function accentedForms(folded: string): string[] {
  let forms = [''];
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    const next: string[] = [];
    for (const form of forms) {
      next.push(form + ch);
      for (const a of accented[ch] ?? []) next.push(form + a);
    }
    forms = next;
  }
  for (const [plain, joined] of ligatures)
    if (folded.includes(plain))
      forms.push(...accentedForms(folded.replace(plain, '\u0001')).map((f) => f.replace('\u0001', joined)));
  return forms;
}
