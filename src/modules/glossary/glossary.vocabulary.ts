// The glossary's fixed lists.

/** The languages of its words and definitions: the site's three, and Arabic where given. */
export const glossaryLanguages = ['nl', 'fr', 'en', 'ar'] as const;
export type GlossaryLanguage = (typeof glossaryLanguages)[number];

/** SKOS: one preferred label per language, alternatives, and abbreviations (alternatives too). */
export const labelKinds = ['preferred', 'synonym', 'abbreviation'] as const;
export type LabelKind = (typeof labelKinds)[number];

/**
 * Where a word is used: the Flemish and French community commissions of Brussels, the common one,
 * the federal state. "OCMW" is the VGC's word, "CPAS" the COCOF's, for one thing.
 */
export const usageSectors = ['vgc', 'cocof', 'cocom', 'federal'] as const;
export type UsageSector = (typeof usageSectors)[number];

export const glossaryLimits = {
  labelsPerConcept: 60,
  labelLength: 120,
  definitionLength: 2_000,
  themes: 5,
  broader: 5,
  related: 20,
} as const;
