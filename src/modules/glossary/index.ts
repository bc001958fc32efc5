// The glossary module's public surface: what the search module reads as its thesaurus, and how it
// hears of a change; the shape of the themes' names the directory hands to its pages; and the
// glossary's terms named in a page's texts (glossaryTermsIn, with this process's copy of the
// glossary, deps.services.glossary) and the names of given concepts (conceptNames, from the same
// copy); the section that shows them under a page is in views.ts.
export {
  announceGlossaryChange,
  glossaryChannel,
  glossaryEdition,
  type ThesaurusConcept,
  thesaurusConcepts,
} from './concepts/thesaurus-concepts.ts';
export type { ThemeNames } from './theme-names.ts';
export type { GlossaryStore } from './snapshot/glossary-store.ts';
export { glossaryTermsIn, type PageTerm } from './terms/page-terms.ts';
export { conceptNames } from './terms/concept-names.ts';
