import { describe, expect, it } from 'vitest';
import { FoldedNames, unitsInclude } from './folded-names.ts';
import { fold, words } from './text.ts';

const text = (units: Uint8Array | Uint16Array) => String.fromCharCode(...units);

describe('folded names', () => {
  it('keep each name as its folded words, once per kind', () => {
    const names = new FoldedNames(5, 4);
    expect(names.add('Maison Médicale', 0)).toBe(0);
    expect(names.add('maison  medicale!', 0)).toBe(-1);
    expect(names.add('MAISON MÉDICALE', 1)).toBe(1);
    expect(names.add(' - ', 0)).toBe(-1);
    expect(names.add('Œuvre', 2)).toBe(2);
    const [units, starts] = names.namesText();
    expect(units).toBeInstanceOf(Uint8Array);
    expect(text(units)).toBe(' maison medicale maison medicale oeuvre');
    expect([...starts]).toEqual([0, 16, 32, 39]);
    // Not views of the buffers made for every name, repeats included.
    expect(units.buffer.byteLength).toBe(units.byteLength);
    expect(starts.buffer.byteLength).toBe(starts.byteLength);
    expect([...names.kinds.subarray(0, names.count)]).toEqual([0, 1, 2]);
  });

  it('number each distinct word once per name, and sort them as strings do', () => {
    const list = ['b a b', 'ça a', 'zz', 'b c', 'été'];
    const names = new FoldedNames(list.length, 8);
    for (const name of list) names.add(name, 0);
    names.numberWords(0, 2);
    names.numberWords(2, names.count);
    const all = list.map((name) => words(name).map(fold));
    const distinct = [...new Set(all.flat())];
    expect(names.wordCount).toBe(distinct.length);
    const pairs = (n: number) => [...names.pairWords.subarray(names.pairStart[n], names.pairStart[n + 1])];
    expect(pairs(0).map((w) => distinct[w])).toEqual(['b', 'a']);
    expect(pairs(1).map((w) => distinct[w])).toEqual(['ca', 'a']);
    const order = Int32Array.from(distinct.keys()).sort((a, b) => names.compareWords(a, b));
    const [wordText, wordStart] = names.wordsText(order);
    const sorted = [...order].map((w, k) => wordText.slice(wordStart[k], wordStart[k + 1]));
    expect(sorted).toEqual([...distinct].sort());
  });

  it('take two bytes a unit from the first that does not fit in one', () => {
    const names = new FoldedNames(2, 2);
    names.add('café', 0);
    names.add('Київ café', 0);
    const [units, starts] = names.namesText();
    expect(units).toBeInstanceOf(Uint16Array);
    expect(text(units)).toBe(' cafe киів cafe');
    expect(unitsInclude(units, starts[1]!, starts[2]!, ' cafe')).toBe(true);
    expect(unitsInclude(units, starts[0]!, starts[1]!, ' киї')).toBe(false);
    expect(units.buffer.byteLength).toBe(units.byteLength);
  });
});
