import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { locales } from '../shared/i18n-text.ts';
import { messageSources } from './catalogue.ts';
import { catalogues, negotiateLocale, translator } from './i18n.ts';

/** The argument names a message uses, including those inside plural and select branches. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (
      el.type === TYPE.argument ||
      el.type === TYPE.number ||
      el.type === TYPE.date ||
      el.type === TYPE.time
    )
      into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

describe('message catalogues', () => {
  const keys = Object.keys(catalogues.en).sort();

  it.each(locales)('%s has exactly the keys of the English catalogue', (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(keys);
  });

  it.each(locales)('%s messages are valid ICU and use the same arguments as English', (locale) => {
    for (const key of keys) {
      const message = catalogues[locale][key]!;
      expect(message.trim(), `${locale} ${key} is empty`).not.toBe('');
      const args = [...argumentsOf(parse(message))].sort();
      expect(args, `${locale} ${key}`).toEqual([...argumentsOf(parse(catalogues.en[key]!))].sort());
    }
  });

  it.each(Object.entries(messageSources))(
    '%s owns its keys: prefixed with its name, in every locale',
    (name, source) => {
      const own = Object.keys(source.en).sort();
      if (name === 'kernel') {
        const moduleNames = Object.keys(messageSources).filter((n) => n !== 'kernel');
        expect(own.filter((key) => moduleNames.some((m) => key.startsWith(`${m}.`)))).toEqual([]);
      } else {
        expect(own.filter((key) => !key.startsWith(`${name}.`))).toEqual([]);
      }
      for (const locale of locales)
        expect(Object.keys(source[locale]).sort(), `${name} ${locale}`).toEqual(own);
    },
  );

  it('formats plurals per language', () => {
    expect(translator('fr').t('directory.count', { count: 0 })).toBe('Aucune organisation trouvée');
    expect(translator('nl').t('directory.count', { count: 1 })).toBe('1 organisatie');
    expect(translator('en').t('directory.count', { count: 1200 })).toBe('1,200 organisations');
  });

  it('names languages in the reader’s language, with our own names where Intl has none', () => {
    expect(translator('fr').language('ar')).toBe('arabe');
    expect(translator('nl').language('ar')).toBe('Arabisch');
    expect(translator('en').language('vgt')).toBe('Flemish Sign Language');
  });

  it('reads calendar dates without shifting them across time zones', () => {
    expect(translator('en').date('2026-05-01')).toBe('May 1, 2026');
    expect(translator('nl').date('2026-05-01')).toBe('1 mei 2026');
  });

  it('names calendar months short and long, in the reader’s language', () => {
    expect(translator('en').month('2026-01')).toBe('Jan 2026');
    expect(translator('fr').month('2026-12', 'long')).toBe('décembre 2026');
    expect(translator('nl').month('2026-03', 'long')).toBe('maart 2026');
  });
});

describe('negotiateLocale', () => {
  it('follows Accept-Language and falls back to French', () => {
    expect(negotiateLocale('nl-BE,nl;q=0.9,fr;q=0.8')).toBe('nl');
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en');
    expect(negotiateLocale('ar-MA,ar;q=0.9,fr;q=0.5')).toBe('fr');
    expect(negotiateLocale('de-DE')).toBe('fr');
    expect(negotiateLocale(undefined)).toBe('fr');
    expect(negotiateLocale('*;q=0.1,;;;garbage')).toBe('fr');
  });
});
