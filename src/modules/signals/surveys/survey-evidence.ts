// The surveys' part of the evidence cube: answers to a survey its owners gave a theme, whose answer
// named a quartier (a "which quartier" question), counted per theme, quartier and month of
// answering in Brussels time, with the sum of the answers' keys (evidence-source.ts). Raw counts:
// the cube hides small cells and moves the others a little before anything is shown.
// A survey whose owners show its results only once it has closed keeps them off the map as well
// until then: the map would otherwise show them early.
import { and, count, eq, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { recordKey } from '../../../db/record-key.ts';
import { type EvidenceCount, type EvidenceQuery } from '../evidence-source.ts';
import { surveyResponses, surveys } from './surveys.schema.ts';

/** The surveys source as of `now`: answers whose results the public may see at that moment. */
export const surveyEvidence =
  (now: () => Date): EvidenceQuery =>
  async (db, keySecret) => {
    const month = sql<string>`to_char(${surveyResponses.submittedAt} at time zone 'Europe/Brussels', 'YYYY-MM')`;
    const rows = await db
      .select({
        themeCode: surveys.themeCode,
        communeNis: surveyResponses.communeNis,
        quartierCode: surveyResponses.quartierCode,
        month,
        count: count(),
        keySum: sql<number>`(sum(${recordKey(keySecret, surveyResponses.id)}) % 256)::int`,
      })
      .from(surveyResponses)
      .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
      .where(
        and(
          isNotNull(surveys.themeCode),
          isNotNull(surveyResponses.quartierCode),
          or(ne(surveys.resultsVisibility, 'after_close'), lte(surveys.closesAt, now())),
        ),
      )
      .groupBy(surveys.themeCode, surveyResponses.communeNis, surveyResponses.quartierCode, month);
    return rows.map((r): EvidenceCount => ({
      source: 'surveys',
      themeCode: r.themeCode!,
      communeNis: r.communeNis!,
      quartierCode: r.quartierCode,
      month: r.month,
      count: r.count,
      keySum: r.keySum,
    }));
  };
