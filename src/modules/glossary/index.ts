// The glossary module's public surface: what the search module reads as its thesaurus, and how it
// hears of a change.
export {
  announceGlossaryChange,
  glossaryChannel,
  glossaryEdition,
  type ThesaurusConcept,
  thesaurusConcepts,
} from './concepts/thesaurus-concepts.ts';
