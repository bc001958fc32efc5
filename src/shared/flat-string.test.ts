import { describe, expect, it } from 'vitest';
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
});
