// Documents of sources other than the directory: what a result card needs (title, text for the
// snippet, the page's path, a date, who offers it) and words to find it by; the directory's own
// fields (hours, kind, access, trust …) left neutral. The thesaurus tags every text, so a glossary
// term in any language finds these documents as it finds services.
import { type I18nText, locales } from '../../shared/i18n-text.ts';
import type { DocType, SearchDoc } from './engine/search-types.ts';
import { themeToken } from './engine/search-types.ts';
import { analyse, fold, words } from './engine/text.ts';
import { conceptToken, thesaurus } from './engine/thesaurus.ts';

/**
 * Analysed terms of multilingual texts, each language with its own stemmer, plus a token for every
 * thesaurus concept they name, so a query naming the concept in any language finds them.
 */
export function analyseI18n(...texts: (I18nText | null | undefined)[]): string[] {
  // A set: each term once per field. Term counts matter little in texts this short, and every
  // repeated term costs index time and memory.
  const out = new Set<string>();
  const concepts = new Set<string>();
  for (const text of texts) {
    for (const lang of locales) {
      const value = text?.[lang];
      if (!value) continue;
      for (const term of analyse(value, lang)) out.add(term);
      for (const id of thesaurus().tag(value, lang)) concepts.add(id);
    }
  }
  for (const id of concepts) out.add(conceptToken(id));
  return [...out];
}

export interface OtherDocInput {
  type: Exclude<DocType, 'service' | 'organisation'>;
  id: string;
  /** What the source's change log names for it; the document's id when absent. */
  ownerId?: string;
  title: I18nText;
  /** Other names searched as the title (the glossary's synonyms, say). */
  alsoTitled?: I18nText[];
  /** Shown as the card's snippet, and searched. */
  text: I18nText;
  /** Searched but not shown (a question's answers, say). */
  moreText?: I18nText[];
  /**
   * Shown as the snippet in the languages `text` lacks, not searched (its words are searched
   * elsewhere): a glossary term without a definition shows its words in the other languages.
   */
  orElseShown?: I18nText;
  /** The page, without the language prefix: "/network/events/…". */
  path: string;
  date?: string;
  /** Who offers it (an organisation, a team …), shown on the card and searched. */
  ownerName?: I18nText;
  /** Directory theme codes ("housing.search"; parents are added): the theme facet, and concepts that name them. */
  themes?: string[];
  communes?: string[];
  languages?: string[];
  points?: { lat: number; lon: number }[];
  /** Place words (an address, a commune's name), searched as written. */
  place?: string[];
}

export function otherDoc(input: OtherDocInput): SearchDoc {
  // A sub-theme's code starts with its parent's: "housing.search" is under "housing".
  const themes = [...new Set((input.themes ?? []).flatMap((c) => [c, c.split('.')[0]!]))];
  return {
    type: input.type,
    id: input.id,
    ownerId: input.ownerId ?? input.id,
    organisationId: '',
    name: input.title,
    organisationName: input.ownerName ?? {},
    description: { ...input.orElseShown, ...input.text },
    path: input.path,
    ...(input.date ? { date: input.date } : {}),
    kind: '',
    verified: false,
    lastConfirmedAt: null,
    themes,
    communes: input.communes ?? [],
    quartiers: [],
    points: input.points ?? [],
    languages: input.languages ?? [],
    phone: null,
    targetGroups: [],
    access: [],
    evening: false,
    weekend: false,
    weekly: [],
    exceptions: [],
    closedOnPublicHolidays: false,
    trust: 1,
    fields: {
      title: analyseI18n(input.title, ...(input.alsoTitled ?? [])).join(' '),
      organisation: analyseI18n(input.ownerName).join(' '),
      themes: themes.map(themeToken).join(' '),
      place: (input.place ?? []).flatMap((text) => words(text).map(fold)).join(' '),
      description: analyseI18n(input.text, ...(input.moreText ?? [])).join(' '),
    },
  };
}
