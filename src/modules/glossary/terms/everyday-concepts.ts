// Which of the glossary's concepts a page lists under "Words on this page". The glossary is also the
// search's thesaurus, so it holds everyday words too: "kinderen" must find services for "enfants".
// But a reader does not need "children", "appointment" or "e-mail" explained, and on the demo's
// service pages these crowded out the words that are worth it: of the 579 service pages (193
// services in nl, fr and en), "children" was under 94, "appointment" under 90, "school" under 78,
// "job" under 41, "family" under 39, "e-mail" under 31, against 25 for the CPAS/OCMW and 16 for
// urgent medical aid (bench/glossary-page-terms.ts counts them). So a short list of concepts named
// by everyday words, which mean the same to everyone in each language, is left out: people, daily
// life, things and feelings; never an institution, a right, a procedure or a kind of service
// ("homework club", "GP", "health insurance fund" stay, being what readers look up or translate).
// The glossary's own data overrides it: a concept a moderator gave a definition is shown, since
// someone found it worth explaining.
import type { SnapshotConcept } from '../snapshot/glossary-snapshot.ts';

export const everydayConcepts: ReadonlySet<string> = new Set([
  // People
  'gezin',
  'kinderen',
  'baby',
  'jongeren',
  'ouderen',
  'student',
  // Daily life
  'afspraak',
  'school',
  'werk-zoeken',
  'eten',
  'maaltijd',
  'soep',
  'kleding',
  'meubels',
  'douche',
  'toilet',
  'vakantie',
  'sport',
  'muziek',
  'cultuur',
  'ontmoeting',
  'fiets',
  'vervoer',
  'politie',
  // Things and feelings
  'gezondheid',
  'ziek',
  'angst',
  'geen-geld',
  'e-mail',
  'internet',
  'computer',
  'smartphone',
]);

/** Whether a page lists the concept when its texts name it. */
export const shownUnderPages = (concept: Pick<SnapshotConcept, 'slug' | 'definition'>): boolean =>
  !everydayConcepts.has(concept.slug) ||
  Object.values(concept.definition).some((text) => Boolean(text?.trim()));
