// Ranking by tiers, before the score. Without them, a search for "CPAS de Bruxelles" showed
// services that mention the CPAS above the CPAS itself, a search by a commune's name showed hundreds
// of imported clubs and shops, and "jeunesse" showed the real "Jeunesse à Bruxelles" below demo
// services that only mention young people. The tiers, each in score order:
//   1. a name is the words, in any order ("Bruxelles Laïque", "Laïque Bruxelles", "Atomiun");
//   2. a name starts with the words, the last maybe half typed ("Théâtre Royal de Too"): services,
//      then organisations that list none;
//   3. a name holds every word: services, then organisations;
//   4. the names and places together hold every word: services, then organisations;
//   5. the rest: services, then organisations.
// A name is a service's, its organisation's, or a part of a name that gives several ("Le Logement
// Bruxellois / De Brusselse Woning", "… en abrégé FLH"). In tiers 1 and 2 a name met only through a
// thesaurus concept's other wording ("CPAS" for "Centre public d'action sociale") comes after those
// met as typed: "jeunesse" means youth, but "Youth workshop" is not the name that was typed.
// Why services stay first from tier 2 on, and not in tier 1: whoever types a whole name wants that
// listing, whatever it is; a word that only starts a name is as often a theme ("logement" starts
// the housing company "Le Logement Bruxellois", and the demo service "Logement insalubre"). The two
// relevance sets give the same figures either way (docs/architecture.md, Search), so the rule is
// the one that keeps issue 12's order (organisations that list no service after those that do)
// wherever the words are not a whole name.
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { IndexedDoc, SearchField } from './search-types.ts';
import type { TermIndex, TermQuery } from './term-index.ts';
import { drain, type Expansion, type Steps } from './term-match.ts';
import { isPlaceWord } from './text-query.ts';
import { allowedEdits, type ConceptMatch } from './thesaurus.ts';
import { fold, isStopword, queryForms, words } from './text.ts';
import { exactTier, namedTier, otherTier, startTier, tierOfName, type Unit, type Word } from './name-tier.ts';

/** The fields that name a listing: the service's and the organisation's names, and its place. */
const nameFields: SearchField[] = ['title', 'organisation', 'place'];

/** How many of the best name matches are compared word by word; the others stay in tier 4. */
const comparedNames = 100;

/** Tiers of the documents the names and places match; the others are in the last tier. */
export interface NameTiers {
  /** A document's tier, undefined when its names and places do not hold every word. */
  get(n: number): number | undefined;
  /** Each document with a tier (a Map is one). */
  forEach(each: (tier: number, n: number) => void): void;
  /** How many documents have a tier. */
  readonly size: number;
}

let wordCache = new Map<string, Word>();

/** A word, folded and stemmed as a query's would be; kept, as names repeat the same words. */
function wordOf(w: string): Word {
  let word = wordCache.get(w);
  if (!word) {
    if (wordCache.size >= 50_000) wordCache = new Map();
    word = { folded: fold(w), forms: queryForms(w) };
    wordCache.set(w, word);
  }
  return word;
}

/** A name split where it gives several: "A / B", "A en abrégé B", "A, B", "A (B)". */
const nameParts =
  /\s*\/\s*|\s+[-–—]\s+|\s*[,()]\s*|\s+(?:en abrégé|en abr|afgekort|in afkorting|in het kort|ou|a\.k\.a)\s*:?\s+/iu;

/**
 * The names a multilingual name gives, each as its words. Kept by the name's text (not its object:
 * listings repeat names, and a name's split is most of a tier's cost) for the names compared most
 * lately, in two generations of 20,000: the 5,000 kept before missed on most broad queries.
 */
let namesNow = new Map<string, Word[][]>();
let namesBefore = new Map<string, Word[][]>();

function namesIn(text: I18nText): Word[][] {
  const key = `${text.nl ?? ''}\u0000${text.fr ?? ''}\u0000${text.en ?? ''}`;
  let names = namesNow.get(key);
  if (!names) {
    names = namesBefore.get(key) ?? splitNames(text);
    if (namesNow.size >= 20_000) [namesBefore, namesNow] = [namesNow, new Map()];
    namesNow.set(key, names);
  }
  return names;
}

function splitNames(text: I18nText): Word[][] {
  const names: Word[][] = [];
  const seen = new Set<string>();
  for (const value of new Set(Object.values(text))) {
    if (!value) continue;
    // A name that does not split gives itself once (its words were read twice).
    const parts = value.split(nameParts);
    for (const part of parts.length > 1 ? [value, ...parts] : parts) {
      const kept = words(part).filter((w) => !isStopword(w));
      const key = kept.join(' ');
      if (!kept.length || seen.has(key)) continue;
      seen.add(key);
      names.push(kept.map(wordOf));
    }
  }
  return names;
}

/**
 * The best tier any of a document's names gives. A listing's names: a service's and its
 * organisation's; an event's, a room's … own title only (not its owner's).
 */
function tierOf(units: Unit[], doc: IndexedDoc): number {
  if (doc.type === 'organisation') return bestTier(units, namesIn(doc.organisationName), namedTier);
  const own = bestTier(units, namesIn(doc.name), namedTier);
  return doc.type === 'service' && own !== exactTier
    ? bestTier(units, namesIn(doc.organisationName), own)
    : own;
}

/** The best tier any of these names gives, `best` at most. */
function bestTier(units: Unit[], names: Word[][], best: number): number {
  for (const name of names) {
    best = Math.min(best, tierOfName(units, name));
    if (best === exactTier) break;
  }
  return best;
}

/** The query's words as units: each concept it names is one, the others one per word. */
function unitsOf(typed: string[], concepts: ConceptMatch[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < typed.length;) {
    const concept = concepts.find((c) => c.start === i);
    const end = concept ? concept.end : i + 1;
    const wordings = concept
      ? Object.values(concept.concept.terms)
          .flat()
          .map((term) =>
            words(term)
              .filter((w) => !isStopword(w))
              .map(wordOf),
          )
      : [];
    // A concept named in several words is met by its wordings only; in one, also as typed.
    const word = end - i === 1 ? wordOf(typed[i]!) : { folded: '\u0000', forms: [] };
    const typo = end - i === 1 && !isPlaceWord(word.folded) && allowedEdits(word.folded) > 0;
    const byFirst = new Map<string, Word[][]>();
    for (const wording of wordings) {
      if (!wording.length) continue;
      for (const key of new Set([wording[0]!.folded, ...wording[0]!.forms]))
        byFirst.set(key, [...(byFirst.get(key) ?? []), wording]);
    }
    units.push({ word, last: end === typed.length, typo, wordings: byFirst });
    i = end;
  }
  return units;
}

/**
 * The name matches, best first: the first ones with their tiers, the others all in the named tier.
 * Typed arrays rather than a Map of every match: a broad query's names match tens of thousands.
 */
class FoundNames implements NameTiers {
  private members: Set<number> | undefined;

  constructor(
    private readonly found: Int32Array,
    private readonly tiers: Uint8Array,
  ) {}

  get size(): number {
    return this.found.length;
  }

  get(n: number): number | undefined {
    for (let i = 0; i < this.tiers.length; i++) if (this.found[i] === n) return this.tiers[i];
    this.members ??= new Set(this.found);
    return this.members.has(n) ? namedTier : undefined;
  }

  forEach(each: (tier: number, n: number) => void): void {
    const { found, tiers } = this;
    for (let i = 0; i < found.length; i++) each(i < tiers.length ? tiers[i]! : namedTier, found[i]!);
  }
}

/** A Brussels postcode names a place, even when a name holds it ("Brussels Top Team 1000"). */
const isPostcode = (word: string) => /^1\d{3}$/.test(word);

/**
 * The tiers of the documents whose names (and place) hold every word of the query, or null when the
 * words are only places ("Bruxelles" names a commune, not a listing; "1000" is a postcode). `concepts` are the thesaurus
 * concepts the query names, as the query's words (stopwords left out) number them.
 */
export function namedBy(
  terms: TermIndex,
  query: TermQuery,
  text: string,
  concepts: ConceptMatch[],
  docOf: (n: number) => IndexedDoc | undefined,
): NameTiers | null {
  return drain(namedBySteps(terms, query, text, concepts, docOf));
}

/** The same as steps that yield while matching the names (term-match.ts); `expansions` as the words' run had them. */
export function* namedBySteps(
  terms: TermIndex,
  query: TermQuery,
  text: string,
  concepts: ConceptMatch[],
  docOf: (n: number) => IndexedDoc | undefined,
  expansions?: Map<string, Expansion[]>,
): Steps<NameTiers | null> {
  const typed = words(text).filter((w) => !isStopword(w));
  if (!typed.some((w) => !isPlaceWord(fold(w)) && !isPostcode(w))) return null;
  const found = (yield* terms.matchSteps(query, { fields: nameFields, expansions, scored: false })).n;
  if (!found.length) return null;
  const units = unitsOf(typed.slice(0, 12), concepts);
  // Best name scores first: a listing whose name is the words scores among the best on its name.
  const tiers = new Uint8Array(Math.min(found.length, comparedNames));
  for (let i = 0; i < tiers.length; i++) {
    const doc = docOf(found[i]!);
    tiers[i] = doc ? tierOf(units, doc) : namedTier;
    if ((i & 15) === 15) yield;
  }
  return new FoundNames(found, tiers);
}

/**
 * Positions 0..count-1 (already in score order) reordered by tier, keeping the score order within
 * each (see the head of this file).
 */
export function tierOrder(
  count: number,
  docOf: (i: number) => { n: number; doc: IndexedDoc },
  named: NameTiers | null,
): number[] {
  const tiers: number[][] = Array.from({ length: 2 * otherTier + 2 }, () => []);
  for (let i = 0; i < count; i++) {
    const { n, doc } = docOf(i);
    tiers[tierKey(named?.get(n), doc)]!.push(i);
  }
  return tiers.flat();
}

/** A result's place among the tiers (0–13): its name tier, organisations after services from tier 2 on. */
export function tierKey(tier: number | undefined, doc: IndexedDoc): number {
  return tierKeyOf(tier, doc.type === 'organisation');
}

/** The same, told whether the document is an organisation's. */
export function tierKeyOf(tier: number | undefined, organisation: boolean): number {
  const t = tier ?? otherTier;
  return 2 * t + (t >= startTier && organisation ? 1 : 0);
}
