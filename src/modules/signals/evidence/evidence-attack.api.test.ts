// The attack that broke secondary suppression alone (issue 13's review), through the HTTP API: five
// published totals chained together give a hidden 4 exactly when the numbers are the true counts,
// and leave it open once every shown count is moved by its noise (perturbation.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { type EvidenceAnswer, chainedRecovery } from '../../../../test/helpers/evidence-attack.ts';
import { sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { evidenceServiceOf } from './evidence-service.ts';
import { parseFilter } from './evidence-filters.ts';
import { evidenceJson } from './evidence-present.ts';
import { type PublishedCube, readEvidence } from './evidence-query.ts';
import { noiseBound } from './perturbation.ts';
import { auditSuppression } from './suppression.ts';

const app = useTestApp();
const commune = '21012';
/** The reviewer's signals (one theme each): quartier 15's 4 in January is what the chain finds. */
const rows: [theme: string, quartier: number | null, month: string, count: number][] = [
  ['housing', 14, '2026-01', 2],
  ['housing', 15, '2026-01', 4],
  ['housing', 15, '2026-05', 1],
  ['housing', 16, '2026-05', 1],
  ['housing', 62, '2026-02', 20],
  ['housing', null, '2026-01', 10],
  ['housing', null, '2026-04', 6],
  ['residence', 14, '2026-04', 12],
  ['residence', 16, '2026-06', 9],
];

async function ask(filter: Record<string, string>): Promise<EvidenceAnswer> {
  const res = await app.get(`/api/v1/evidence?${new URLSearchParams(filter)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
}

/** The same figures from the same protected cube, but with the true counts: the path without noise. */
const unperturbed = (p: PublishedCube) => async (filter: Record<string, string>) =>
  evidenceJson(
    readEvidence({ ...p, shown: p.cube.counts }, parseFilter(filter, p.cube, p.currentMonth)),
    p.builtAt,
  ).data as EvidenceAnswer;

beforeAll(async () => {
  await sql(app.t, 'delete from need_signals');
  for (const [theme, quartier, month, count] of rows)
    await sql(
      app.t,
      `insert into need_signals (origin, status, theme_codes, commune_nis, quartier_code, target_group, people_band, seen_on)
       select 'api', 'published', array[$1], $2, $3, 'families', '2_5', ($4 || '-10')::date from generate_series(1, $5)`,
      [theme, commune, quartier, month, count],
    );
  await evidenceServiceOf(app.t.database.db)!.refresh();
});

describe('the chained attack on the evidence map', () => {
  it('recovers the hidden 4 from true counts, though suppression finds nothing wrong', async () => {
    const published = await evidenceServiceOf(app.t.database.db)!.current();
    expect(auditSuppression(published.cube, published.hidden)).toEqual([]);
    const q15 = await ask({ source: 'signals', quartier: '15', from: '2026-01', to: '2026-03' });
    expect(q15.total.count).toBeNull();
    const { value } = await chainedRecovery(unperturbed(published), { commune, year: '2026' });
    expect(value).toBe(4);
  });

  it('leaves every value from 1 to 4 possible once the numbers carry their noise', async () => {
    const published = await evidenceServiceOf(app.t.database.db)!.current();
    const truth = await chainedRecovery(unperturbed(published), { commune, year: '2026' });
    const { value, terms } = await chainedRecovery(ask, { commune, year: '2026' });
    expect(value).not.toBeNull();
    // Each published number is within 2 of its true count, as the page and the API say...
    terms.forEach((term, i) => expect(Math.abs(term! - truth.terms[i]!)).toBeLessThanOrEqual(noiseBound));
    // ...so all the attacker knows is that the hidden count lies within 2 × 5 of what the chain gives.
    const spread = noiseBound * terms.length;
    for (const candidate of [1, 2, 3, 4]) expect(Math.abs(candidate - value!)).toBeLessThanOrEqual(spread);
    // And the numbers published do carry noise (this fails when they are the true counts): of the
    // cube's shown cells, some are moved (each one stays put for 4 keys in 10 at most).
    const moved = published.cube.counts.filter(
      (count, cell) => !published.hidden[cell] && published.shown[cell] !== count,
    ).length;
    expect(moved).toBeGreaterThan(0);
  });
});
