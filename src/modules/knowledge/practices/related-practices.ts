// Published practices related to one: those sharing themes or worksheet items with it, the most
// shared first (a shared item counts twice a shared theme), then the latest published. Computed in
// memory from the published practices of one edition (practices-library.ts), through the lists of
// practices per theme and per item, so a page costs a few hundred additions, not a scan.
import type { I18nText } from '../../../shared/i18n-text.ts';

export interface RelatedEntry {
  id: string;
  slug: string;
  title: I18nText;
  publishedAt: number;
}

export interface RelatedIndex {
  byTheme: Map<string, RelatedEntry[]>;
  /** Obstacles, levers and tools alike. */
  byItem: Map<string, RelatedEntry[]>;
}

export interface PublishedPractice extends RelatedEntry {
  themes: string[];
  items: string[];
}

export function relatedIndex(published: readonly PublishedPractice[]): RelatedIndex {
  const byTheme = new Map<string, RelatedEntry[]>();
  const byItem = new Map<string, RelatedEntry[]>();
  const add = (map: Map<string, RelatedEntry[]>, key: string, entry: RelatedEntry) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  for (const p of published) {
    const entry = { id: p.id, slug: p.slug, title: p.title, publishedAt: p.publishedAt };
    for (const theme of new Set(p.themes)) add(byTheme, theme, entry);
    for (const item of new Set(p.items)) add(byItem, item, entry);
  }
  return { byTheme, byItem };
}

export function relatedIn(
  index: RelatedIndex,
  practice: { id: string; themes: string[]; obstacles: string[]; levers: string[]; tools: string[] },
  limit = 5,
): { slug: string; title: I18nText }[] {
  if (limit <= 0) return [];
  const shared = new Map<RelatedEntry, number>();
  const count = (entries: RelatedEntry[] | undefined, weight: number) => {
    for (const entry of entries ?? [])
      if (entry.id !== practice.id) shared.set(entry, (shared.get(entry) ?? 0) + weight);
  };
  for (const theme of new Set(practice.themes)) count(index.byTheme.get(theme), 1);
  for (const item of new Set([...practice.obstacles, ...practice.levers, ...practice.tools]))
    count(index.byItem.get(item), 2);
  // The best `limit` in one pass (thousands of candidates, five kept).
  const before = ([a, x]: [RelatedEntry, number], [b, y]: [RelatedEntry, number]) =>
    x !== y ? x > y : a.publishedAt !== b.publishedAt ? a.publishedAt > b.publishedAt : a.id < b.id;
  const best: [RelatedEntry, number][] = [];
  for (const candidate of shared) {
    if (best.length === limit && !before(candidate, best[limit - 1]!)) continue;
    let at = best.length;
    while (at > 0 && before(candidate, best[at - 1]!)) at--;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map(([entry]) => ({ slug: entry.slug, title: entry.title }));
}
