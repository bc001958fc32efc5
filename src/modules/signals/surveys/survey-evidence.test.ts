// The surveys' counts for the evidence cube, on a real database: only answers to a survey with a
// theme that named a quartier count, per theme, quartier and month of answering in Brussels time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { surveyEvidence } from './survey-evidence.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
});
afterAll(() => database?.drop());

const question = [{ id: 'where1', kind: 'quartier', prompt: { fr: 'Où ?' }, options: [], required: false }];

async function survey(
  slug: string,
  themeCode: string | null,
  results: 'while_open' | 'after_close' = 'while_open',
  closesAt = '2027-01-01',
): Promise<string> {
  const { rows } = await database.pool.query(
    `insert into surveys (slug, title, intro, theme_code, questions, opens_at, closes_at, results_visibility)
     values ($1, '{"fr":"Enquête"}', '{}', $2, $3, '2026-01-01', $5, $4) returning id`,
    [slug, themeCode, JSON.stringify(question), results, closesAt],
  );
  return rows[0].id;
}

async function response(surveyId: string, at: string, place: [number, string] | null): Promise<void> {
  await database.pool.query(
    `insert into survey_responses (survey_id, answers, quartier_code, commune_nis, submitted_at)
     values ($1, $2, $3, $4, $5)`,
    [surveyId, JSON.stringify(place ? { where1: place[0] } : {}), place?.[0] ?? null, place?.[1] ?? null, at],
  );
}

describe('survey evidence', () => {
  it('counts answers naming a quartier, to surveys with a theme, per month in Brussels time', async () => {
    const housing = await survey('housing-survey-0001', 'housing');
    const untagged = await survey('untagged-survey-0001', null);
    const marolles: [number, string] = [105, '21004'];
    await response(housing, '2026-10-03T10:00:00Z', marolles);
    await response(housing, '2026-10-20T10:00:00Z', marolles);
    // 23:30 UTC on 31 October is already November in Brussels.
    await response(housing, '2026-10-31T23:30:00Z', marolles);
    await response(housing, '2026-10-05T10:00:00Z', [301, '21009']);
    // No quartier given: not on the map.
    await response(housing, '2026-10-05T11:00:00Z', null);
    // No theme: not on the map.
    await response(untagged, '2026-10-05T12:00:00Z', marolles);

    const counts = await surveyEvidence(() => new Date('2026-12-04T10:00:00Z'))(database.db, 'test-secret');
    const sorted = [...counts].sort((a, b) =>
      `${a.month}${a.quartierCode}`.localeCompare(`${b.month}${b.quartierCode}`),
    );
    expect(sorted).toEqual([
      {
        source: 'surveys',
        themeCode: 'housing',
        communeNis: '21004',
        quartierCode: 105,
        month: '2026-10',
        count: 2,
        keySum: expect.any(Number),
      },
      {
        source: 'surveys',
        themeCode: 'housing',
        communeNis: '21009',
        quartierCode: 301,
        month: '2026-10',
        count: 1,
        keySum: expect.any(Number),
      },
      {
        source: 'surveys',
        themeCode: 'housing',
        communeNis: '21004',
        quartierCode: 105,
        month: '2026-11',
        count: 1,
        keySum: expect.any(Number),
      },
    ]);
  });

  it('keeps a running survey’s answers off the map while its owners show results only after it closes', async () => {
    const marolles: [number, string] = [105, '21004'];
    const waiting = await survey('waiting-survey-00001', 'food', 'after_close', '2026-12-10T00:00:00Z');
    await response(waiting, '2026-11-20T10:00:00Z', marolles);
    const food = async (at: string) =>
      (await surveyEvidence(() => new Date(at))(database.db, 'test-secret')).filter(
        (c) => c.themeCode === 'food',
      );
    expect(await food('2026-12-04T10:00:00Z')).toEqual([]);
    expect(await food('2026-12-10T00:00:00Z')).toMatchObject([{ quartierCode: 105, count: 1 }]);
  });
});
