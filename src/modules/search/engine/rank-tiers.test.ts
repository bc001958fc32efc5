// The name tiers on a small made-up index: a listing whose name is the words, or starts with them,
// comes before listings that only mention them; among names that only start with the words,
// services still come before organisations that list none.
import { describe, expect, it } from 'vitest';
import type { I18nText, Locale } from '../../../shared/i18n-text.ts';
import { namedBy } from './rank-tiers.ts';
import { SearchIndex } from './search-index.ts';
import { TermIndex } from './term-index.ts';
import { textQuery } from './text-query.ts';
import { type SearchDoc, searchFields } from './search-types.ts';
import { analyse } from './text.ts';
import { conceptToken, thesaurus } from './thesaurus.ts';

/** Analysed text as search-docs.ts makes it: stems in the text's language, and concept tokens. */
function analysed(text: I18nText): string {
  const out = new Set<string>();
  for (const [lang, value] of Object.entries(text) as [Locale, string][]) {
    for (const term of analyse(value, lang)) out.add(term);
    for (const id of thesaurus().tag(value, lang)) out.add(conceptToken(id));
  }
  return [...out].join(' ');
}

let ids = 0;
function doc(
  type: SearchDoc['type'],
  name: I18nText,
  organisationName: I18nText,
  description: I18nText = {},
): SearchDoc {
  const id = `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
  return {
    type,
    id,
    organisationId: id,
    name,
    organisationName,
    description,
    kind: 'formal',
    verified: false,
    lastConfirmedAt: null,
    themes: [],
    communes: ['21004'],
    quartiers: [],
    points: [],
    languages: [],
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
      title: type === 'service' ? analysed(name) : '',
      organisation: analysed(organisationName),
      themes: '',
      place: 'bruxelles brussel 1000',
      description: analysed(description),
    },
  };
}

const org = (name: string, lang: Locale = 'fr') => doc('organisation', {}, { [lang]: name });
const service = (name: string, organisation: string, description = '') =>
  doc('service', { fr: name }, { fr: organisation }, { fr: description });

const docs = [
  service(
    'Accueil et orientation',
    'Antenne sociale Les Peupliers',
    'Nous aidons les jeunes et leur jeunesse, avec le CPAS.',
  ),
  // Named through the youth concept ("jeunes"), as demo services are: before, these came first.
  service('Accueil jeunes et parents', 'Maison de jeunes de Bruxelles'),
  service('Logement insalubre : visite', 'Union des locataires', 'Visite des logements insalubres.'),
  service('Atelier recherche de logement', 'Union des locataires'),
  org('Jeunesse à Bruxelles'),
  org('Kairos Jeunesse'),
  org('Le Logement Bruxellois / De Brusselse Woning'),
  org(
    "Centre Public d'action sociale de Bruxelles / Openbaar centrum voor maatschappelijk welzijn van Brussel",
  ),
  org('Théâtre Royal de Toone / Centre folklorique'),
  org('Théâtre Royal du Parc'),
];
const index = new SearchIndex(thesaurus());
index.replace(docs);

const names = (text: string) =>
  index
    .search({ text, filters: {}, sort: 'relevance', offset: 0, limit: 10 })
    .hits.map((h) => h.doc.name.fr ?? h.doc.organisationName.fr ?? h.doc.organisationName.nl);

describe('the name tiers', () => {
  it("ranks an event by its own title, not by its organiser's name", () => {
    const event = (title: string, owner: string) => {
      const d = doc('event', { en: title }, { en: owner });
      d.fields!.title = analysed({ en: title });
      return d;
    };
    const small = new SearchIndex(thesaurus());
    small.replace([
      event('Painting workshop', 'Sunflower Collective'),
      org('Sunflower Collective', 'en'),
      event('Sunflower Collective', 'Another group'),
    ]);
    const found = small
      .search({ text: 'sunflower collective', filters: {}, sort: 'relevance', offset: 0, limit: 10 })
      .hits.map((h) => `${h.doc.type}:${h.doc.name.en ?? h.doc.organisationName.en}`);
    expect(found.slice(0, 2).sort()).toEqual([
      'event:Sunflower Collective',
      'organisation:Sunflower Collective',
    ]);
    expect(found[2]).toBe('event:Painting workshop');
  });

  it('puts an organisation whose name starts with the word before services that only mention it', () => {
    const found = names('jeunesse');
    expect(found[0]).toBe('Jeunesse à Bruxelles');
    expect(found.indexOf('Accueil jeunes et parents')).toBeGreaterThan(0);
    expect(found.indexOf('Accueil et orientation')).toBeGreaterThan(0);
  });

  it('finds a whole name in any order, with a typo, or half typed, first', () => {
    expect(names('Bruxelles Jeunesse')[0]).toBe('Jeunesse à Bruxelles');
    expect(names('Jeunese à Bruxelles')[0]).toBe('Jeunesse à Bruxelles');
    expect(names('Théâtre Royal de Too')[0]).toBe('Théâtre Royal de Toone / Centre folklorique');
  });

  it('takes each part of a name that gives several as a name', () => {
    expect(names('De Brusselse Woning')[0]).toBe('Le Logement Bruxellois / De Brusselse Woning');
    expect(names('Le Logement Bruxellois')[0]).toBe('Le Logement Bruxellois / De Brusselse Woning');
  });

  it('finds the CPAS by its name when a service only mentions it', () => {
    expect(names('CPAS')[0]).toMatch(/^Centre Public d'action sociale de Bruxelles/);
    expect(names('OCMW')[0]).toMatch(/^Centre Public d'action sociale de Bruxelles/);
  });

  it('keeps services first among names that only start with a theme word', () => {
    const found = names('logement');
    expect(found[0]).toBe('Logement insalubre : visite');
    expect(found.indexOf('Le Logement Bruxellois / De Brusselse Woning')).toBe(1);
  });

  it('gives no name tiers to a place or a postcode alone: services first', () => {
    for (const text of ['Bruxelles', '1000']) {
      const types = index
        .search({ text, filters: {}, sort: 'relevance', offset: 0, limit: 20 })
        .hits.map((h) => h.doc.type);
      expect(types.lastIndexOf('service'), text).toBeLessThan(types.indexOf('organisation'));
    }
  });

  it('gives the hundred best name matches their tier and every other name match the named tier', () => {
    const boosts = { title: 3, organisation: 2.5, themes: 1.5, place: 2, description: 1 };
    const terms = new TermIndex(searchFields, boosts);
    const many = Array.from({ length: 150 }, (_, i) =>
      service(`Atelier ${i % 2 ? 'vélo' : 'bois'} ${i}`, 'Union'),
    );
    many.forEach((d, n) =>
      terms.add(
        n,
        searchFields.map((f) => d.fields![f].split(' ')),
      ),
    );
    const { query, concepts } = textQuery('atelier', thesaurus(), terms);
    const tiers = namedBy(terms, query!, 'atelier', concepts, (n) => many[n])!;
    const seen = new Map<number, number>();
    tiers.forEach((tier, n) => seen.set(n, tier));
    expect(seen.size).toBe(150);
    const counts = new Map<number, number>();
    for (const tier of seen.values()) counts.set(tier, (counts.get(tier) ?? 0) + 1);
    // A name that starts with the word (tier 2) for the hundred compared; the named tier (5) after.
    expect(Object.fromEntries(counts)).toEqual({ 2: 100, 5: 50 });
    for (const [n, tier] of seen) expect(tiers.get(n)).toBe(tier);
    expect(tiers.get(1_000)).toBeUndefined();
  });
});
