// A label as the glossary compares words, and as search reads them: lower case, without accents,
// anything but letters and digits a space ("sans-papiers" = "sans papiers", "d'asile" = "d asile").
// The unique index on (language, folded) keeps one word of a language to one concept; the first
// edition's migration (0028) folded its words the same way.

/** "Revenu d'Intégration" → "revenu d integration". */
export function foldLabel(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}
