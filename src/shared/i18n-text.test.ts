import { describe, expect, it } from 'vitest';
import { cleanText, pickText, textIn } from './i18n-text.ts';

describe('pickText', () => {
  it('gives the reader’s language when present', () => {
    expect(pickText({ nl: 'Huis', fr: 'Maison', en: 'House' }, 'fr')).toEqual({
      text: 'Maison',
      lang: 'fr',
      fallback: false,
    });
  });

  it('falls back to English, then the other community language, and says so', () => {
    expect(pickText({ fr: 'Maison', en: 'House' }, 'nl')).toEqual({
      text: 'House',
      lang: 'en',
      fallback: true,
    });
    expect(pickText({ fr: 'Maison' }, 'nl')).toEqual({ text: 'Maison', lang: 'fr', fallback: true });
    expect(pickText({ nl: 'Huis' }, 'en')).toEqual({ text: 'Huis', lang: 'nl', fallback: true });
  });

  it('treats blank texts as missing and nothing as nothing', () => {
    expect(pickText({ fr: '  ', nl: 'Huis' }, 'fr')?.lang).toBe('nl');
    expect(pickText({}, 'fr')).toBeNull();
    expect(pickText(null, 'fr')).toBeNull();
    expect(textIn(undefined, 'en')).toBe('');
  });
});

describe('cleanText', () => {
  it('trims and drops empty languages', () => {
    expect(cleanText({ nl: ' Huis ', fr: '', en: '   ' })).toEqual({ nl: 'Huis' });
  });
});
