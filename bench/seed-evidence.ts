// The evidence the bench loads: a million published need signals and two hundred thousand survey
// answers over three years, in every quartier (busier ones more often), with one to two themes
// each. Written by SQL in batches, with a fixed seed so two runs hold the same data.
import type { Pool } from 'pg';
import { geoReference } from '../src/modules/geo/index.ts';
import { peopleBands, targetGroups as allGroups } from '../src/modules/signals/signals.vocabulary.ts';

const batch = 100_000;
// Every group but the three smallest, so the mix looks like a city's (the same data as before).
const targetGroups = allGroups.filter((g) => !['undocumented', 'homeless', 'disability'].includes(g));
const bands = [...peopleBands];

export interface SeededEvidence {
  signals: number;
  answers: number;
  surveys: number;
  seconds: number;
}

export async function seedEvidence(
  pool: Pool,
  { signals, answers }: { signals: number; answers: number },
): Promise<SeededEvidence> {
  const started = performance.now();
  const geo = geoReference();
  // Residential quartiers only (codes under 700), so the map looks like a city's.
  const quartiers = geo.quartiers.filter((q) => q.code < 700);
  const codes = quartiers.map((q) => q.code);
  const communes = quartiers.map((q) => q.communeNis);
  const themes = (
    await pool.query<{ code: string }>('select code from taxonomy_terms order by code')
  ).rows.map((r) => r.code);
  if (!themes.length) throw new Error('the taxonomy is empty: the bench server did not load it');
  await pool.query('select setseed(0.42)');

  for (let done = 0; done < signals; done += batch) {
    // random()^1.4 makes low indexes (and so some quartiers) busier than others, as needs are.
    await pool.query(
      `insert into need_signals
         (origin, status, theme_codes, commune_nis, quartier_code, target_group, people_band, seen_on, created_at)
       select 'member', 'published',
              case when two and t1 <> t2 then array[($3::text[])[t1], ($3::text[])[t2]] else array[($3::text[])[t1]] end,
              ($2::text[])[qi], ($1::int[])[qi], ($4::text[])[gi], ($5::text[])[bi], seen, seen::timestamptz
         from (select 1 + floor(array_length($1::int[], 1) * random() ^ 1.4)::int as qi,
                      1 + floor(array_length($3::text[], 1) * random() ^ 1.5)::int as t1,
                      1 + floor(array_length($3::text[], 1) * random())::int as t2,
                      random() < 0.3 as two,
                      1 + floor(array_length($4::text[], 1) * random())::int as gi,
                      1 + floor(array_length($5::text[], 1) * random())::int as bi,
                      current_date - floor(random() * 1095)::int as seen
                 from generate_series(1, $6::int) g) s`,
      [codes, communes, themes, targetGroups, bands, Math.min(batch, signals - done)],
    );
  }
  const signalCount = Number(
    (await pool.query<{ n: string }>('select count(*) as n from need_signals')).rows[0]!.n,
  );

  // Twenty network surveys, each with a theme and a "which quartier" question.
  const surveyIds: string[] = [];
  for (let i = 0; i < 20; i++) {
    const { rows } = await pool.query<{ id: string }>(
      `insert into surveys (slug, title, intro, theme_code, questions, opens_at, closes_at, results_visibility)
       values ($1, $2, '{}'::jsonb, $3, $4, now() - interval '3 years', now() + interval '1 year', 'while_open')
       returning id`,
      [
        `bench-survey-${String(i).padStart(4, '0')}-evidence`,
        { fr: `Enquête de démonstration ${i + 1}`, nl: `Demo-bevraging ${i + 1}` },
        themes[(i * 7) % themes.length],
        JSON.stringify([
          { id: 'q1', kind: 'quartier', prompt: { fr: 'Dans quel quartier ?' }, options: [], required: true },
          {
            id: 'q2',
            kind: 'scale',
            prompt: { fr: 'À quel point est-ce urgent ?' },
            options: [],
            required: true,
          },
        ]),
      ],
    );
    surveyIds.push(rows[0]!.id);
  }
  for (let done = 0; done < answers; done += batch) {
    await pool.query(
      `insert into survey_responses (survey_id, answers, quartier_code, commune_nis, submitted_at)
       select ($3::uuid[])[si], jsonb_build_object('q1', ($1::int[])[qi], 'q2', 1 + floor(random() * 5)::int),
              ($1::int[])[qi], ($2::text[])[qi], now() - random() * interval '3 years'
         from (select 1 + floor(array_length($1::int[], 1) * random() ^ 1.4)::int as qi,
                      1 + floor(array_length($3::uuid[], 1) * random())::int as si
                 from generate_series(1, $4::int) g) s`,
      [codes, communes, surveyIds, Math.min(batch, answers - done)],
    );
  }
  await pool.query('analyze need_signals; analyze survey_responses');
  return {
    signals: signalCount,
    answers,
    surveys: surveyIds.length,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
