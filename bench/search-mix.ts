// A realistic mix of searches for the benchmark: what people type (from the relevance set and the
// thesaurus, in nl/fr/en, with typos, prefixes, filters and places), drawn with a long-tail
// frequency like real search logs: a few queries very often, most rarely.
import { readFileSync } from 'node:fs';
import type { Concept } from '../src/modules/search/engine/thesaurus.ts';
import { readRelevanceSet } from '../src/modules/directory/search/relevance.ts';
import { random } from './random.ts';

function typo(word: string, next: () => number): string {
  if (word.length < 6) return word;
  const i = 1 + Math.floor(next() * (word.length - 3));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/** Distinct query strings (URL query parts, without "?"), most popular first. */
export function searchQueries(seed = 7): string[] {
  const next = random(seed);
  const concepts: Concept[] = JSON.parse(
    readFileSync(new URL('../src/modules/search/data/thesaurus.json', import.meta.url), 'utf8'),
  );
  const out = new Set<string>();
  const add = (params: Record<string, string | number | undefined>) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
    out.add(qs.toString());
  };
  for (const q of readRelevanceSet()) {
    add({ q: q.query, ...(q.filters as Record<string, string | number>) });
  }
  const communes = ['21001', '21004', '21009', '21012', '21013', '21014', '21015', '21007'];
  const postcodes = ['1000', '1030', '1050', '1060', '1070', '1080', '1210'];
  for (const concept of concepts) {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const term = concept.terms[lang][0]!;
      add({ q: term });
      if (next() < 0.3) add({ q: typo(term, next) });
      if (next() < 0.2) add({ q: term.slice(0, Math.max(3, Math.ceil(term.length / 2))) });
      if (next() < 0.15) add({ q: term, commune: communes[Math.floor(next() * communes.length)] });
      if (next() < 0.1)
        add({ q: term, near: postcodes[Math.floor(next() * postcodes.length)], sort: 'distance' });
      if (next() < 0.05) add({ q: term, open: 'evening' });
    }
  }
  for (const commune of communes) add({ commune });
  add({});
  add({ open: 'now' });
  add({ open: 'weekend', language: 'ar' });
  // Shuffle, then the order is the popularity rank.
  const list = [...out];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** A sequence of requests drawn from the queries with Zipf-like frequencies (rank^-1). */
export function searchSequence(queries: string[], length: number, seed = 11): string[] {
  const next = random(seed);
  const weights = queries.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  return Array.from({ length }, () => {
    const r = next();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return queries[lo]!;
  });
}

/** What someone has typed so far, for the suggest endpoint. */
export function suggestPrefixes(queries: string[]): string[] {
  const out = new Set<string>();
  for (const qs of queries) {
    const q = new URLSearchParams(qs).get('q');
    if (!q) continue;
    for (const n of [2, 3, 4, 6]) if (q.length > n) out.add(q.slice(0, n));
  }
  return [...out];
}
