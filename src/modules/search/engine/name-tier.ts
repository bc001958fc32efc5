// The tier one name gives a query (rank-tiers.ts says what the tiers are and why): whether the name
// is the query's words, starts with them, or holds them all. Compared for the 100 best name matches
// of every search, this was the largest source of short-lived objects in the uncached search pass
// (an array per word and name, an object per place a word was found: about 45% of the bytes a pass
// allocated, and so of its young-generation garbage collections, which stall the request they fall
// in). It now writes where the words are found into arrays kept from one comparison to the next.
import { sameWord } from './thesaurus.ts';

// As numbers: 0 and 1 the whole names (as typed, through a concept), 2 and 3 the starts, then 4–6.
export const exactTier = 0;
export const startTier = 2;
export const inNameTier = 4;
export const namedTier = 5;
export const otherTier = 6;

export interface Word {
  folded: string;
  forms: string[];
}

/** A query word, or a thesaurus concept the query names (any of its wordings in a name meets it). */
export interface Unit {
  word: Word;
  /** The last word, which may be half typed ("Koninklijke Vlaamse Sch"). */
  last: boolean;
  /** Whether the word may be a typo of a name's word (not a place's, nor a short word). */
  typo: boolean;
  /** A concept's wordings, as words, by each form of their first word. */
  wordings: Map<string, Word[][]>;
}

export function sameForm(a: Word, b: Word): boolean {
  if (a.folded === b.folded) return true;
  const { forms } = a;
  for (let i = 0; i < forms.length; i++) if (b.forms.includes(forms[i]!)) return true;
  return false;
}

/**
 * Where each unit is found in the name being compared, as spans [start, end) and whether through a
 * concept's wording: unit u's are at from[u]..from[u + 1]-1, the words as typed first (by position),
 * then a concept's other wordings. Reused by every comparison (they run one at a time, to the end).
 */
let starts = new Int32Array(64);
let ends = new Int32Array(64);
let wordings = new Uint8Array(64);
let spanCount = 0;
let from = new Int32Array(17);
/** The name's words taken by a unit, while trying to place every unit. */
let used = new Uint8Array(64);

function addSpan(start: number, end: number, wording: boolean): void {
  if (spanCount === starts.length) {
    const size = 2 * spanCount;
    const [s, e, w] = [new Int32Array(size), new Int32Array(size), new Uint8Array(size)];
    s.set(starts);
    e.set(ends);
    w.set(wordings);
    [starts, ends, wordings] = [s, e, w];
  }
  starts[spanCount] = start;
  ends[spanCount] = end;
  wordings[spanCount] = wording ? 1 : 0;
  spanCount++;
}

/** Whether `wording` is found in `name` from its word `at`. */
function wordingAt(wording: Word[], name: Word[], at: number): boolean {
  if (at + wording.length > name.length) return false;
  for (let k = 0; k < wording.length; k++) if (!sameForm(wording[k]!, name[at + k]!)) return false;
  return true;
}

/** Adds where a unit is found in a name's words, the words as typed before a concept's other wordings. */
function addSpansOf(unit: Unit, name: Word[]): void {
  const { word, last, typo } = unit;
  for (let j = 0; j < name.length; j++) {
    const w = name[j]!;
    if (
      sameForm(word, w) ||
      (last && word.folded.length >= 3 && w.folded.startsWith(word.folded)) ||
      (typo && sameWord(word.folded, w.folded))
    )
      addSpan(j, j + 1, false);
  }
  if (!unit.wordings.size) return;
  // The same wording may be found under several forms: a repeated span changes nothing.
  for (let j = 0; j < name.length; j++) {
    const w = name[j]!;
    for (let f = -1; f < w.forms.length; f++) {
      const list = unit.wordings.get(f < 0 ? w.folded : w.forms[f]!);
      if (!list) continue;
      for (const wording of list) if (wordingAt(wording, name, j)) addSpan(j, j + wording.length, true);
    }
  }
}

/** The first of unit u's spans that starts at `pos`, or -1. */
function spanFrom(u: number, pos: number): number {
  for (let s = from[u]!; s < from[u + 1]!; s++) if (starts[s] === pos) return s;
  return -1;
}

/** The first of unit u's spans over words none of the units placed before took, or -1. */
function freeSpan(u: number): number {
  for (let s = from[u]!; s < from[u + 1]!; s++) {
    let free = true;
    for (let j = starts[s]!; j < ends[s]! && free; j++) if (used[j]) free = false;
    if (free) return s;
  }
  return -1;
}

/**
 * The tier one name gives: exact, start, holding every word, or none of these (named). A name met
 * through a concept's other wording ("CPAS" for "Centre public d'action sociale") comes just after
 * the names met as typed, in tiers 0–1: "jeunesse" is "youth", but "Youth workshop" is not the name
 * that was typed.
 */
export function tierOfName(units: Unit[], name: Word[]): number {
  if (!name.length) return namedTier;
  if (from.length < units.length + 1) from = new Int32Array(2 * units.length + 1);
  spanCount = 0;
  for (let u = 0; u < units.length; u++) {
    from[u] = spanCount;
    addSpansOf(units[u]!, name);
    if (spanCount === from[u]) return namedTier;
  }
  from[units.length] = spanCount;
  // The units one after another from the name's first word.
  let pos = 0;
  let inOrderWording = false;
  let inOrder = true;
  for (let u = 0; u < units.length && inOrder; u++) {
    const at = spanFrom(u, pos);
    if (at < 0) inOrder = false;
    else {
      pos = ends[at]!;
      inOrderWording ||= wordings[at] === 1;
    }
  }
  if (inOrder && pos === name.length) return exactTier + (inOrderWording ? 1 : 0);
  // Every name word taken by one unit, in any order.
  if (used.length < name.length) used = new Uint8Array(2 * name.length);
  used.fill(0, 0, name.length);
  let wording = false;
  let placed = true;
  for (let u = 0; u < units.length && placed; u++) {
    const free = freeSpan(u);
    if (free < 0) placed = false;
    else {
      used.fill(1, starts[free]!, ends[free]!);
      wording ||= wordings[free] === 1;
    }
  }
  for (let j = 0; j < name.length && placed; j++) if (!used[j]) placed = false;
  if (placed) return exactTier + (wording ? 1 : 0);
  return inOrder ? startTier + (inOrderWording ? 1 : 0) : inNameTier;
}
