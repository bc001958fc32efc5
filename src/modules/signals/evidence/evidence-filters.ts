// The filters of the evidence map, from a page's or the API's query: checked against the themes,
// the geography and the months the cube can answer for; a bad one is refused with its reason.
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { type EvidenceSource, evidenceSources } from '../evidence-source.ts';
import type { EvidenceCube } from './evidence-cube.ts';
import { addMonths, type EvidenceFilter } from './evidence-query.ts';
import { cacheBudget } from '../../../shared/cache-budgets.ts';

export interface FilterInput {
  source?: string;
  theme?: string;
  commune?: string;
  quartier?: string;
  from?: string;
  to?: string;
}

/** The most the page's and the API's caches of answers each hold (UTF-16, 2 bytes a character). */
export const cacheBytes = cacheBudget('evidenceAnswers');

/** Months from January 2000 up to the month in progress. */
const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Twelve months up to the one in progress, when no period is asked. */
export function defaultPeriod(currentMonth: string): { from: string; to: string } {
  return { from: addMonths(currentMonth, -11), to: currentMonth };
}

export function parseFilter(input: FilterInput, cube: EvidenceCube, currentMonth: string): EvidenceFilter {
  const problems: FieldProblem[] = [];
  const refuse = (field: string, code: string) => problems.push({ field, message: code, code });
  const given = (value: string | undefined) => (value?.trim() ? value.trim() : null);

  const source = given(input.source);
  if (source !== null && !evidenceSources.includes(source as EvidenceSource))
    refuse('source', 'evidence_source');
  const theme = given(input.theme);
  if (theme !== null && cube.theme(theme) === undefined) refuse('theme', 'evidence_theme');
  const commune = given(input.commune);
  if (commune !== null && !cube.communePlace.has(commune)) refuse('commune', 'evidence_commune');
  const quartierText = given(input.quartier);
  const quartier = quartierText !== null && /^\d{1,4}$/.test(quartierText) ? Number(quartierText) : null;
  if (quartierText !== null) {
    const place = quartier === null ? undefined : cube.quartierPlace.get(quartier);
    if (place === undefined) refuse('quartier', 'evidence_quartier');
    else if (commune !== null && cube.places[place]!.communeNis !== commune)
      refuse('quartier', 'evidence_quartier_commune');
  }
  const period = defaultPeriod(currentMonth);
  const month = (field: 'from' | 'to') => {
    const value = given(input[field]);
    if (value === null) return period[field];
    if (!monthPattern.test(value) || value < '2000-01' || value > currentMonth) {
      refuse(field, 'evidence_month');
      return period[field];
    }
    return value;
  };
  // `to` alone: the twelve months up to it, not from twelve months before the month in progress.
  const to = month('to');
  if (given(input.from) === null && given(input.to) !== null) period.from = addMonths(to, -11);
  const from = month('from');
  if (!problems.some((p) => p.field === 'from' || p.field === 'to') && from > to) refuse('to', 'date_order');
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  return { source: source as EvidenceSource | null, theme, commune, quartier, from, to };
}
