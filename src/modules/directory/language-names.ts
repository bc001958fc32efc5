// Languages spoken, as people type them in the listing forms: by name in Dutch, French or English
// ("lingala", "Arabisch", "arabe"), by a name used in Brussels ("darija", "tamazight"), or by code
// ("ar", "pt-BR"). They are stored as BCP 47 codes and shown in the forms as names, in the
// reader's language. Names come from Intl.DisplayNames (the same names `t.language` shows) and
// from our own messages ("language.vgt"), so what a form shows can be posted back as it is.
import { translator } from '../../i18n/index.ts';
import { locales } from '../../shared/i18n-text.ts';
import { languageCodeShape } from '../../shared/shapes.ts';
import { commonLanguages } from './directory.vocabulary.ts';

/**
 * Three-letter codes besides the two-letter ones (which are all looked up): languages of Brussels'
 * communities that have no two-letter code. A name is found for those Intl or our messages name.
 */
const threeLetterCodes = [
  ...commonLanguages.filter((code) => code.length === 3),
  'ary', // Moroccan Arabic (darija)
  'arq', // Algerian Arabic
  'tzm', // Central Atlas Tamazight
  'shi', // Tachelhit
  'kab', // Kabyle
  'ber', // Berber (our own name: "tamazight")
  'ckb', // Sorani
  'kmr', // Kurmanji
  'rom', // Romani
  'emk', // Maninka
  'sus', // Susu
  'lua', // Luba-Lulua (Tshiluba)
  'kmb', // Kimbundu
  'yue', // Cantonese
  'fil', // Filipino
  'syr', // Syriac
];

/** Other names people write, folded, and the code they mean. */
const aliases: Record<string, string> = {
  darija: 'ary',
  'arabe marocain darija': 'ary',
  tamazight: 'ber',
  amazigh: 'ber',
  amazighe: 'ber',
  berbere: 'ber',
  berber: 'ber',
  berbers: 'ber',
  tarifit: 'rif',
  rifia: 'rif',
  riffijns: 'rif',
  farsi: 'fa',
  kurmanji: 'kmr',
  mandarin: 'zh',
  tshiluba: 'lua',
  tagalog: 'tl',
  romanes: 'rom',
  flemish: 'nl',
  vlaams: 'nl',
  flamand: 'nl',
};

/** Lower case, without accents, one kind of apostrophe and single spaces: "Néerlandais" = "neerlandais". */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

let byName: Map<string, string> | undefined;

/** Folded names in nl, fr and en (and other names) of every language we can name, to their code. */
function names(): Map<string, string> {
  if (byName) return byName;
  const map = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    if (!name || name === code) return;
    const folded = foldName(name);
    if (!map.has(folded)) map.set(folded, code);
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const known = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const twoLetter: string[] = [];
  for (const a of letters)
    for (const b of letters) {
      const code = a + b;
      const name = known.of(code);
      if (name && name !== code) twoLetter.push(code);
    }
  // The languages people ask for most first: where two languages share a name, the common one wins.
  const codes = [...new Set([...commonLanguages, ...twoLetter, ...threeLetterCodes])];
  const translators = locales.map((l) => translator(l));
  for (const code of codes) for (const t of translators) add(t.language(code), code);
  // "Berbère (tamazight)": the name before the brackets too, where no other language has it.
  for (const code of codes)
    for (const t of translators) {
      const name = t.language(code);
      const cut = name.indexOf(' (');
      if (cut > 0) add(name.slice(0, cut), code);
    }
  for (const [name, code] of Object.entries(aliases)) if (!map.has(name)) map.set(name, code);
  byName = map;
  return map;
}

/** A code as typed ("AR", "pt-br") in its usual form ("ar", "pt-BR"), or null when it is none. */
function asCode(text: string): string | null {
  // Not Intl.getCanonicalLocales: it replaces codes by their aliases ("kmr" becomes "ku").
  const [language = '', ...rest] = text.split('-');
  const code = [
    language.toLowerCase(),
    ...rest.map((part) =>
      part.length === 2
        ? part.toUpperCase()
        : part.length === 4
          ? part[0]!.toUpperCase() + part.slice(1).toLowerCase()
          : part,
    ),
  ].join('-');
  return languageCodeShape.test(code) ? code : null;
}

/** Whether we can name the language of a code (so "ewe" is read as a name, not an unknown code). */
function isNamed(code: string): boolean {
  return translator('en').language(code) !== code;
}

/** The code of one language as typed, by name or by code; null when we cannot tell which it is. */
export function languageCodeOf(typed: string): string | null {
  const text = typed.trim();
  if (!text) return null;
  const code = asCode(text);
  // Two letters are a code ("ga" is Irish, not the language called Ga); a longer word is first a
  // name ("ewe" is Ewe, whose code is "ee").
  if (code && text.length === 2) return code;
  const named = names().get(foldName(text));
  if (named) return named;
  // A code we cannot name ("sus" where Intl has no name) is kept, as it always was.
  return code && (isNamed(code) || text === text.toLowerCase()) ? code : null;
}

/**
 * The languages of a form field, as typed: separated by commas, semicolons, slashes, new lines or
 * "and" ("arabe et lingala"); codes may also be separated by spaces ("nl fr en", "nl en fr").
 */
export function splitLanguages(field: string): string[] {
  // "en" is Dutch for "and" but also the code of English: between two codes ("nl en fr") it is
  // the code, between names ("Arabisch en Lingala") the conjunction.
  const conjunctions = field.replace(/(\S+)\s+en\s+(?=(\S+))/gi, (whole, before: string, after: string) =>
    /^[a-z]{2,3}$/i.test(before) && /^[a-z]{2,3}$/i.test(after) ? whole : `${before},`,
  );
  return conjunctions
    .split(/[,;/\n]|\s+(?:and|et|und)\s+/i)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The codes of the languages typed, and what could not be read as a language. A part that is no
 * language as a whole may be several separated by spaces ("fr nl", "arabe lingala").
 */
export function readLanguages(parts: string[]): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const whole = languageCodeOf(part);
    if (whole) {
      codes.push(whole);
      continue;
    }
    const words = part.split(/\s+/);
    const each = words.map(languageCodeOf);
    if (words.length > 1 && each.every((c) => c !== null)) codes.push(...(each as string[]));
    else unknown.push(part);
  }
  return { codes: [...new Set(codes)], unknown };
}

/**
 * Codes as the form shows them: names in the reader's language, separated by commas; a code whose
 * name would not be read back as that code (a region, a language we cannot name) stays a code.
 */
export function languagesForField(codes: readonly string[], language: (code: string) => string): string {
  return codes
    .map((code) => {
      const name = language(code);
      return languageCodeOf(name) === code && !/[,;/]/.test(name) ? name : code;
    })
    .join(', ');
}
