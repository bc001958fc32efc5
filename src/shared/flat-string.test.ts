import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collect-garbage.ts';
import { flatString } from './flat-string.ts';

describe('flatString', () => {
  it('keeps every character of a page made of pieces, in any script', () => {
    let page = '';
    const pieces = [
      '<p>',
      'Aide alimentaire à Molenbeek',
      ' — ',
      'مساعدة غذائية',
      ' ',
      'Schuldhulp',
      ' 👋🏽 ',
      '&amp;',
      '</p>',
    ];
    for (let i = 0; i < 2_000; i++) page += pieces[i % pieces.length];
    const flat = flatString(page);
    expect(flat).toBe(page);
    expect(flat.length).toBe(page.length);
  });

  it('keeps an empty string and an astral character', () => {
    expect(flatString('')).toBe('');
    expect(flatString('𝔸')).toBe('𝔸');
  });

  it('turns a lone surrogate into U+FFFD, the bytes the page is sent as anyway', () => {
    const broken = 'Caf\u00e9 \ud83d';
    expect(flatString(broken)).toBe('Caf\u00e9 \ufffd');
    expect(Buffer.from(flatString(broken))).toEqual(Buffer.from(broken));
  });

  it('makes the pages it keeps take about a byte a character, not their pieces', () => {
    // 100 pages of 2,000 pieces each (about 4.5 million Latin-1 characters): kept as pieces they
    // took about 25 MB of heap, flat about 4.5 MB.
    const heapOf = (flatten: boolean) => {
      collectGarbage();
      const before = process.memoryUsage().heapUsed;
      const pages: string[] = [];
      for (let k = 0; k < 100; k++) {
        let page = '';
        for (let i = 0; i < 2_000; i++) page += `<li>aide ${k}-${i} é</li>`;
        pages.push(flatten ? flatString(page) : page);
      }
      collectGarbage();
      const bytes = process.memoryUsage().heapUsed - before;
      return { bytes, characters: pages.reduce((sum, page) => sum + page.length, 0) };
    };
    const pieces = heapOf(false);
    const flat = heapOf(true);
    expect(pieces.bytes).toBeGreaterThan(3 * pieces.characters);
    expect(flat.bytes).toBeLessThan(1.5 * flat.characters);
  });
});
