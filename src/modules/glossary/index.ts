// The glossary module's public surface: what the search module reads as its thesaurus, and how it
// hears of a change; and the shape of the themes' names the directory hands to its pages.
export {
  announceGlossaryChange,
  glossaryChannel,
  glossaryEdition,
  type ThesaurusConcept,
  thesaurusConcepts,
} from './concepts/thesaurus-concepts.ts';
export type { ThemeNames } from './theme-names.ts';
