import { describe, expect, it } from 'vitest';
import { parseWords } from './parse-words.ts';

describe('parseWords', () => {
  it('reads one word per line with an optional sector, skipping empty lines', () => {
    expect(parseWords('OCMW | VGC\n\n  Centre public  d’action sociale \r\nCPAS|cocof\n')).toEqual({
      words: [
        { text: 'OCMW', folded: 'ocmw', sector: 'vgc' },
        { text: 'Centre public d’action sociale', folded: 'centre public d action sociale', sector: null },
        { text: 'CPAS', folded: 'cpas', sector: 'cocof' },
      ],
      problems: [],
    });
  });

  it('names the line of an unknown sector, a word too long or empty, and a word given twice', () => {
    const typed = [
      'leefloon | region',
      'x'.repeat(121),
      ' | vgc',
      'Leefloon',
      'leefloon',
      'a | vgc | cocof',
    ].join('\n');
    expect(parseWords(typed).problems).toEqual([
      { code: 'glossary_word_sector', line: 1 },
      { code: 'glossary_word_long', line: 2 },
      { code: 'glossary_word_long', line: 3 },
      { code: 'glossary_word_twice', line: 5 },
      { code: 'glossary_word_sector', line: 6 },
    ]);
  });

  it('takes words written alike as one ("Sans-papiers" and "sans papiers")', () => {
    expect(parseWords('Sans-papiers\nsans papiers').problems).toEqual([
      { code: 'glossary_word_twice', line: 2 },
    ]);
  });

  it('refuses more words than a concept holds', () => {
    const many = Array.from({ length: 61 }, (_, i) => `mot ${i}`).join('\n');
    expect(parseWords(many).problems).toEqual([{ code: 'glossary_words_many', max: 60 }]);
  });
});
