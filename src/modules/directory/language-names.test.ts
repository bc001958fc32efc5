import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/index.ts';
import { languageCodeOf, languagesForField, readLanguages, splitLanguages } from './language-names.ts';

const read = (field: string) => readLanguages(splitLanguages(field));

describe('languages spoken, as typed', () => {
  it.each([
    ['lingala', 'ln'],
    ['Lingala', 'ln'],
    ['arabe', 'ar'],
    ['Arabisch', 'ar'],
    ['Arabic', 'ar'],
    ['ar', 'ar'],
    ['AR', 'ar'],
    ['darija', 'ary'],
    ['Marokkaans Arabisch', 'ary'],
    ['néerlandais', 'nl'],
    ['Neerlandais', 'nl'],
    ['pt-br', 'pt-BR'],
    ['Vlaamse Gebarentaal', 'vgt'],
    ['berbère', 'ber'],
    ['tigrigna', 'ti'],
    ['ewe', 'ee'],
    ['kmr', 'kmr'],
  ])('reads %s as %s', (typed, code) => {
    expect(languageCodeOf(typed)).toBe(code);
  });

  it('splits on commas, semicolons, slashes and "and", and codes on spaces', () => {
    expect(read('arabe et lingala; Frans / English')).toEqual({
      codes: ['ar', 'ln', 'fr', 'en'],
      unknown: [],
    });
    expect(read('nl fr en')).toEqual({ codes: ['nl', 'fr', 'en'], unknown: [] });
    expect(read('fr, fr, français')).toEqual({ codes: ['fr'], unknown: [] });
  });

  it('names what it cannot read', () => {
    expect(read('arabe, klingon, <script>')).toEqual({ codes: ['ar'], unknown: ['klingon', '<script>'] });
  });

  it('shows names in the reader’s language that read back as the same codes', () => {
    const codes = ['fr', 'nl', 'ar', 'ary', 'ln', 'pt-BR', 'sfb', 'kmr', 'ti', 'sus'];
    for (const locale of ['nl', 'fr', 'en'] as const) {
      const field = languagesForField(codes, translator(locale).language);
      expect(read(field)).toEqual({ codes, unknown: [] });
    }
    expect(languagesForField(['ln', 'ar'], translator('fr').language)).toBe('lingala, arabe');
  });
});

describe('"en" between languages', () => {
  it('is the code of English between two codes, and "and" between two names', () => {
    expect(read('nl en fr').codes).toEqual(['nl', 'en', 'fr']);
    expect(read('fr en ar').codes).toEqual(['fr', 'en', 'ar']);
    expect(read('Arabisch en Lingala').codes).toEqual(['ar', 'ln']);
  });
});
