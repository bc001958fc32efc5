// The surveys' part of the evidence cube: answers to a survey its owners gave a theme, whose answer
// named a quartier (a "which quartier" question), counted per theme, quartier and month of
// answering in Brussels time. Raw counts: the cube suppresses small cells before anything is shown.
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { EvidenceCount, EvidenceQuery } from '../evidence-source.ts';
import { surveyResponses, surveys } from './surveys.schema.ts';

export const surveyEvidence: EvidenceQuery = async (db) => {
  const month = sql<string>`to_char(${surveyResponses.submittedAt} at time zone 'Europe/Brussels', 'YYYY-MM')`;
  const rows = await db
    .select({
      themeCode: surveys.themeCode,
      communeNis: surveyResponses.communeNis,
      quartierCode: surveyResponses.quartierCode,
      month,
      count: count(),
    })
    .from(surveyResponses)
    .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
    .where(and(isNotNull(surveys.themeCode), isNotNull(surveyResponses.quartierCode)))
    .groupBy(surveys.themeCode, surveyResponses.communeNis, surveyResponses.quartierCode, month);
  return rows.map((r): EvidenceCount => ({
    source: 'surveys',
    themeCode: r.themeCode!,
    communeNis: r.communeNis!,
    quartierCode: r.quartierCode,
    month: r.month,
    count: r.count,
  }));
};
