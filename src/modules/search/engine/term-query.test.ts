import { describe, expect, it } from 'vitest';
import { documentTerms, quotedLexeme, termQuery, themeTokens } from './term-query.ts';
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

describe('termQuery', () => {
  it('is null for a search without words that count', () => {
    expect(termQuery('', thesaurus()).query).toBeNull();
    expect(termQuery('de la the !!', thesaurus()).query).toBeNull();
  });

  it('looks up each word as its stems in the three languages, the last one also as a prefix, all of them required', () => {
    const { query } = termQuery('logement étudiants', thesaurus());
    const groups = query!.split(' & ');
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

  it('keeps quotes and operators of the search as text, never as query syntax', () => {
    const { query } = termQuery("a'b | c & !d :* (e)", thesaurus());
    // Only letters and digits make words: no operator typed by the reader reaches the query.
    for (const lexeme of query!.match(/'(?:[^']|'')*'/g)!) expect(lexeme).toMatch(/^'[\p{L}\p{N}]+'$/u);
  });
});
