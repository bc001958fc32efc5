// The names of some concepts for another module's page (a learning card's words): each concept's
// first word in the reader's language, else in English, French or Dutch, from this process's copy
// of the glossary (no query once it is loaded). Concepts the glossary no longer holds are left out.
import type { Locale } from '../../../shared/i18n-text.ts';
import type { GlossaryStore } from '../snapshot/glossary-store.ts';
import type { SnapshotConcept } from '../snapshot/glossary-snapshot.ts';

const fallbacks = ['en', 'fr', 'nl'] as const;

export async function conceptNames(
  store: GlossaryStore,
  slugs: readonly string[],
  locale: Locale,
): Promise<{ slug: string; label: string }[]> {
  if (!slugs.length) return [];
  const glossary = await store.keptOrNone();
  if (!glossary) return [];
  const bySlug = glossary.derived(
    'concepts by slug',
    (s) => new Map<string, SnapshotConcept>(s.concepts.map((c) => [c.slug, c])),
  );
  return slugs.flatMap((slug) => {
    const concept = bySlug.get(slug);
    // Labels come preferred first within each language.
    const first = (language: string) => concept?.labels.find((l) => l.language === language)?.text;
    const label = first(locale) ?? fallbacks.map(first).find(Boolean);
    return label ? [{ slug, label }] : [];
  });
}
