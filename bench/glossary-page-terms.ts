// npx tsx bench/glossary-page-terms.ts
// Which glossary concepts the demo's service pages list under "Words on this page", in nl, fr and
// en, with the first edition of the glossary (search/data/thesaurus.json): how many pages list
// each, all concepts matched and those listed (everyday-concepts.ts). No database.
import { readFileSync } from 'node:fs';
import { foldLabel } from '../src/modules/glossary/labels/fold-label.ts';
import type { GlossaryLanguage } from '../src/modules/glossary/glossary.vocabulary.ts';
import type { SnapshotConcept } from '../src/modules/glossary/snapshot/glossary-snapshot.ts';
import { shownUnderPages } from '../src/modules/glossary/terms/everyday-concepts.ts';
import { termsPerPage } from '../src/modules/glossary/terms/page-terms.ts';
import { termMatcher } from '../src/modules/glossary/terms/term-matcher.ts';

type Text = Partial<Record<'nl' | 'fr' | 'en', string>> | null | undefined;
const read = (path: string) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
const thesaurus = read('src/modules/search/data/thesaurus.json') as {
  id: string;
  terms: Partial<Record<GlossaryLanguage, string[]>>;
}[];
const concepts: SnapshotConcept[] = thesaurus.map((c) => ({
  slug: c.id,
  labels: Object.entries(c.terms).flatMap(([language, texts]) =>
    (texts ?? []).map((text) => ({
      language: language as GlossaryLanguage,
      kind: 'synonym' as const,
      text,
      folded: foldLabel(text),
      sector: null,
    })),
  ),
  definition: {},
  broader: [],
  related: [],
  modified: new Date(0),
}));

const pages: string[][] = [];
for (const file of ['formal', 'community', 'grassroots']) {
  const data = read(`src/modules/directory/demo/organisations-${file}.json`);
  for (const org of Array.isArray(data) ? data : data.organisations)
    for (const s of org.services ?? [])
      for (const locale of ['nl', 'fr', 'en'] as const) {
        const texts: Text[] = [
          s.name,
          s.description,
          s.applicationProcess,
          s.feesDescription,
          s.eligibilityDescription,
        ];
        pages.push(texts.map((t) => t?.[locale] ?? ''));
      }
}

function count(list: SnapshotConcept[]) {
  const matcher = termMatcher(list);
  const pagesOf = new Map<string, number>();
  let listed = 0;
  for (const [i, texts] of pages.entries()) {
    const locale = (['nl', 'fr', 'en'] as const)[i % 3]!;
    const found = matcher.find(texts, [locale], termsPerPage);
    listed += found.length;
    for (const slug of found) pagesOf.set(slug, (pagesOf.get(slug) ?? 0) + 1);
  }
  return { perPage: listed / pages.length, top: [...pagesOf].sort((a, b) => b[1] - a[1]).slice(0, 12) };
}

console.log(`${pages.length} service pages`);
for (const [name, list] of [
  ['every concept', concepts],
  ['listed', concepts.filter(shownUnderPages)],
] as const) {
  const { perPage, top } = count(list);
  console.log(
    `${name}: ${perPage.toFixed(1)} concepts a page; most often: ${top.map(([s, n]) => `${s} ${n}`).join(', ')}`,
  );
}
