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

  it('keeps an empty string and a lone surrogate-free astral character', () => {
    expect(flatString('')).toBe('');
    expect(flatString('𝔸')).toBe('𝔸');
  });
});
