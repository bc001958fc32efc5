// A label as the glossary compares words: lower case, without accents, single spaces. The unique
// index on (language, folded) keeps one word of a language to one concept, whatever its accents or
// capitals; the first edition's migration (0027) folded its words the same way.

/** "Revenu d'Intégration" → "revenu d'integration". */
export function foldLabel(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}
