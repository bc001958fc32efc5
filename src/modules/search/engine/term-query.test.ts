import { describe, expect, it } from 'vitest';
import { analyse } from './text.ts';
import { documentTerms, quotedLexeme, searchTermsQuery, termQuery, themeTokens } from './term-query.ts';
import { thesaurus } from './thesaurus.ts';

describe('documentTerms', () => {
  it('keeps the stems of each text in its language, the concepts it names and its themes with their parents', () => {
    const terms = documentTerms(
      [{ text: 'Wie kent een goede schuldbemiddeling in Molenbeek?', lang: 'nl' }],
      ['income.debt-counselling'],
      thesaurus(),
    );
    expect(terms).toContain('concept:schuldbemiddeling');
    expect(terms).toContain('theme:income.debt-counselling');
    expect(terms).toContain('theme:income');
    expect(terms).toContain('goed');
    // Stopwords are not terms, and each term comes once.
    expect(terms).not.toContain('een');
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('tags a concept written in another wording of the same language', () => {
    const terms = documentTerms(
      [{ text: 'Je cherche une médiation de dettes', lang: 'fr' }],
      [],
      thesaurus(),
    );
    expect(terms).toContain('concept:schuldbemiddeling');
  });
});

describe('themeTokens', () => {
  it('gives a sub-theme its parent too', () => {
    expect(themeTokens('legal.consumer')).toEqual(['theme:legal.consumer', 'theme:legal']);
    expect(themeTokens('legal')).toEqual(['theme:legal']);
  });
});

describe('quotedLexeme', () => {
  it('quotes a lexeme and doubles its quotes and backslashes, so it is taken as written', () => {
    expect(quotedLexeme("l'eau")).toBe("'l''eau'");
    expect(quotedLexeme('a\\b')).toBe("'a\\\\b'");
    expect(quotedLexeme('conc', true)).toBe("'conc':*");
  });
});

/** The groups of a tsquery joined by & outside any parentheses. */
function topLevel(query: string): string[] {
  const groups: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < query.length; i++) {
    if (query[i] === '(') depth++;
    else if (query[i] === ')') depth--;
    else if (depth === 0 && query.startsWith(' & ', i)) {
      groups.push(query.slice(start, i));
      start = i + 3;
    }
  }
  return [...groups, query.slice(start)];
}

describe('termQuery', () => {
  it('is null for a search without words that count', () => {
    expect(termQuery('', thesaurus()).query).toBeNull();
    expect(termQuery('de la the !!', thesaurus()).query).toBeNull();
  });

  it('looks up each word as its stems in the three languages, the last one also as a prefix, all of them required', () => {
    const { query } = termQuery('logement étudiants', thesaurus());
    const groups = topLevel(query!);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toContain("'logement'");
    expect(groups[1]).toContain("'etudiants':*");
    expect(groups[1]).toContain("'etudi'");
  });

  it('turns a French concept into its token, its themes and its words, which a Dutch text carries', () => {
    const { query, concepts } = termQuery('médiation de dettes', thesaurus());
    expect(concepts.map((c) => c.concept.id)).toEqual(['schuldbemiddeling']);
    expect(query).toContain("'concept:schuldbemiddeling'");
    expect(query).toContain("'theme:income.debt-counselling'");
    expect(query).toContain("'mediation'");
    const dutch = documentTerms([{ text: 'Schuldbemiddeling voor een gezin', lang: 'nl' }], [], thesaurus());
    expect(dutch).toContain('concept:schuldbemiddeling');
  });

  it('also asks for each word of the concept in every language, so a text stored without its token is found', () => {
    const { query } = termQuery('médiation de dettes', thesaurus());
    // "schuldbemiddeling" (nl) and "debt counselling" (en): its stems, all of them required.
    const dutch = analyse('schuldbemiddeling', 'nl');
    for (const stem of dutch) expect(query).toContain(`'${stem}'`);
    const english = [...new Set(analyse('debt counselling', 'en'))];
    expect(query).toContain(`( ${english.map((st) => `'${st}'`).join(' & ')} )`);
  });

  it('keeps quotes and operators of the search as text, never as query syntax', () => {
    const { query } = termQuery("a'b | c & !d :* (e)", thesaurus());
    // Only letters and digits make words: no operator typed by the reader reaches the query.
    for (const lexeme of query!.match(/'(?:[^']|'')*'/g)!) expect(lexeme).toMatch(/^'[\p{L}\p{N}]+'$/u);
  });
});

describe('searchTermsQuery', () => {
  it('asks for the words and the theme together, the theme alone, or nothing', () => {
    const both = searchTermsQuery({ q: 'tolken', theme: 'income' }, thesaurus());
    expect(both.query).toMatch(/^\( .+ \) & \( 'theme:income' \)$/);
    expect(both.noWords).toBe(false);
    expect(searchTermsQuery({ theme: 'income' }, thesaurus()).query).toBe("( 'theme:income' )");
    expect(searchTermsQuery({ q: '  ' }, thesaurus())).toEqual({ query: null, concepts: [], noWords: false });
  });

  it('says when words were typed but none counts, so a page can say so rather than list everything', () => {
    const onlyStopwords = searchTermsQuery({ q: 'de la the' }, thesaurus());
    expect(onlyStopwords.query).toBeNull();
    expect(onlyStopwords.noWords).toBe(true);
  });
});
