// Runs a relevance set (relevance.ts) against a live index: the tests assert floors on the figures,
// the benchmark prints them. The real set needs the City of Brussels list imported next to the demo
// data, as `npm run import` would (test/fixtures holds the file).
import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';
import type { Database } from '../../../db/client.ts';
import type { LiveSearchIndex, IndexedDoc } from '../../search/index.ts';
import { citySubsidiesSource, parseCitySubsidyRecord } from '../import/city-subsidies-format.ts';
import { importOrganisations } from '../use-cases/import-organisations.ts';
import { searchDirectory } from './search.service.ts';
import { paramsOf, rankedDocs, readRelevanceSet, type RelevanceReport, scoreRelevance } from './relevance.ts';

const realSample = new URL(
  '../../../../test/fixtures/city-of-brussels-subsidy-beneficiaries-2022.json',
  import.meta.url,
);

/** Imports the 671 real organisations of the City of Brussels list; returns how many were created. */
export async function importRealOrganisations(db: Database): Promise<number> {
  const report = await importOrganisations(db, JSON.parse(readFileSync(realSample, 'utf8')) as unknown[], {
    source: citySubsidiesSource,
    parse: parseCitySubsidyRecord,
  });
  return report.created;
}

type Key = { service: string | null; organisation: string };

/** Demo keys ("org/service" and "org") by document id, from the provenance ids. */
async function demoKeys(pool: Pool): Promise<(doc: IndexedDoc) => Key> {
  const keys = new Map<string, Key>();
  const { rows } = await pool.query<{ id: string; org: string; svc: string | null }>(`
    select s.id, o.provenance_id as org, s.provenance_id as svc from services s join organisations o on o.id = s.organisation_id
    union all select id, provenance_id, null from organisations`);
  for (const r of rows) keys.set(r.id, { service: r.svc ? `${r.org}/${r.svc}` : null, organisation: r.org });
  return (doc) => keys.get(doc.id)!;
}

/**
 * The real set names organisations as the imported file writes them (in French or in Dutch). Both
 * keys are the name: scoreRelevance takes an expected key with a "/" for a service's, and many real
 * names hold one ("Le Logement Bruxellois / De Brusselse Woning").
 */
const nameKey = (doc: IndexedDoc): Key => {
  const name = doc.organisationName.fr ?? doc.organisationName.nl ?? doc.organisationName.en ?? '';
  return { service: name, organisation: name };
};

/** The relevance report of a set, searched as the search page does (10 results, the first page). */
export async function measureRelevance(
  live: LiveSearchIndex,
  pool: Pool,
  file: 'relevance-set.json' | 'real-relevance-set.json',
): Promise<RelevanceReport> {
  const set = readRelevanceSet(file);
  const results = new Map<string, IndexedDoc[]>();
  for (const q of set) results.set(q.id, rankedDocs(await searchDirectory(live, paramsOf(q), q.locale)));
  const keyOf = file === 'relevance-set.json' ? await demoKeys(pool) : nameKey;
  return scoreRelevance(set, results, keyOf);
}

/** One line of figures, as the tests and the benchmark print them. */
export function relevanceLine(name: string, report: RelevanceReport): string {
  const r3 = (n: number) => n.toFixed(3);
  const kinds = Object.entries(report.byKind)
    .map(([kind, v]) => `${kind} ${r3(v.mrr)}`)
    .join(', ');
  return `${name}: MRR ${r3(report.mrr)}, P@5 ${r3(report.precisionAt5)} over ${report.queries} queries (${kinds})`;
}
