import { describe, expect, it } from 'vitest';
import type { EvidenceCount, EvidenceSource } from '../evidence-source.ts';
import { buildCube, type CubeShape } from './evidence-cube.ts';
import { type PublishedCube, readEvidence, sumOver, periodCells } from './evidence-query.ts';
import { auditSuppression, suppress } from './suppression.ts';
import { attemptRecovery } from '../../../../test/helpers/evidence-attack.ts';
import { parseFilter } from './evidence-filters.ts';
import { evidenceJson } from './evidence-present.ts';

const shape: CubeShape = {
  themes: ['housing', 'food'],
  communes: [
    { nis: '21001', quartiers: [11, 12] },
    { nis: '21004', quartiers: [21] },
  ],
  firstYear: 2026,
  years: 1,
};

const row = (
  count: number,
  month: string,
  quartierCode: number | null = 11,
  themeCode = 'housing',
  source: EvidenceSource = 'signals',
  communeNis = '21001',
): EvidenceCount => ({ source, themeCode, communeNis, quartierCode, month, count });

/** Big counts everywhere, so that only what a test adds is small. */
function background(): EvidenceCount[] {
  const rows: EvidenceCount[] = [];
  for (const month of ['2026-01', '2026-02', '2026-03', '2026-04'])
    for (const source of ['signals', 'referrals'] as const)
      for (const theme of shape.themes) {
        rows.push(row(20, month, 11, theme, source), row(30, month, 12, theme, source));
        rows.push(row(25, month, null, theme, source), row(40, month, 21, theme, source, '21004'));
      }
  return rows;
}

const themeOf = (code: string) => code.split('.')[0];

function published(rows: EvidenceCount[], secondary = true): PublishedCube {
  const { cube } = buildCube(shape, rows, themeOf);
  return {
    cube,
    hidden: suppress(cube, { secondary }),
    currentMonth: '2026-05',
    builtAt: new Date(),
    version: 1,
  };
}

describe('the evidence cube', () => {
  it('adds every level up exactly, sub-themes folded into their theme, unplaceable rows counted apart', () => {
    const { cube, report } = buildCube(
      shape,
      [
        row(3, '2026-01', 11, 'housing.search'),
        row(4, '2026-02', 12, 'food'),
        row(6, '2026-05', null, 'food', 'referrals', '21004'),
        row(2, '2026-05', 999, 'food', 'surveys', '21004'),
        row(7, '2026-05', 11, 'unknown-theme'),
        row(1, '2025-12', 11),
      ],
      themeOf,
    );
    expect(report).toMatchObject({ mentions: 15, unknownTheme: 7, outsidePeriod: 1 });
    const at = (source: number, theme: number, place: number, period: number) =>
      cube.counts[cube.index({ source, theme, place, period })];
    const year = cube.yearPeriod(2026);
    expect(at(cube.allSources, cube.allThemes, cube.regionPlace, year)).toBe(15);
    expect(at(cube.allSources, cube.allThemes, cube.communePlace.get('21001')!, year)).toBe(7);
    // A quartier the geography does not know counts in its commune's "quartier not known".
    expect(at(cube.source('surveys'), 1, cube.unknownPlace.get('21004')!, cube.monthPeriod('2026-05')!)).toBe(
      2,
    );
    expect(at(cube.allSources, 0, cube.regionPlace, cube.quarterPeriod(2026, 0))).toBe(3);
    expect(at(cube.source('referrals'), cube.allThemes, cube.regionPlace, cube.quarterPeriod(2026, 1))).toBe(
      6,
    );
  });

  it('cuts a period into whole years, quarters and months', () => {
    const { cube } = buildCube({ ...shape, firstYear: 2025, years: 2 }, [], themeOf);
    const names = (from: string, to: string) => periodCells(cube, from, to).map((p) => cube.periodName(p));
    expect(names('2025-01', '2026-03')).toEqual(['2025', '2026-Q1']);
    expect(names('2025-11', '2026-05')).toEqual(['2025-11', '2025-12', '2026-Q1', '2026-04', '2026-05']);
    expect(names('2026-02', '2026-03')).toEqual(['2026-02', '2026-03']);
    expect(names('2020-01', '2025-03')).toEqual(['2025-Q1']);
  });
});

describe('suppression', () => {
  it('hides every count from 1 to 4 and shows zeros', () => {
    const p = published([...background(), row(3, '2026-05')]);
    const { cube } = p;
    const may = cube.monthPeriod('2026-05')!;
    const at = { source: cube.source('signals'), theme: 0, place: cube.quartierPlace.get(11)! };
    expect(sumOver(p, at, [may])).toBeNull();
    expect(sumOver(p, { ...at, place: cube.quartierPlace.get(12)! }, [may])).toBe(0);
    expect(auditSuppression(cube, p.hidden)).toEqual([]);
  });

  it('without secondary suppression the audit finds totals that give a small count away', () => {
    // The test of the audit itself: primary suppression alone leaves the 3 recoverable.
    const p = published([...background(), row(3, '2026-05')], false);
    const problems = auditSuppression(p.cube, p.hidden);
    expect(problems.length).toBeGreaterThan(0);
    // May's quarter holds April's 20 and the 3: the quarter minus April gives the 3.
    expect(problems).toContain('period relation of source 0 / housing / quartier 11 / 2026-Q2: 1 hidden');
  });

  it('a commune total minus its shown quartiers never gives a hidden one', () => {
    const p = published([...background(), row(3, '2026-05')]);
    const { cube } = p;
    const may = [cube.monthPeriod('2026-05')!];
    const at = (place: number) => sumOver(p, { source: cube.source('signals'), theme: 0, place }, may);
    const commune = at(cube.communePlace.get('21001')!);
    const parts = cube.children.get(cube.communePlace.get('21001')!)!.map(at);
    // Either the commune is hidden too, or at least two of its parts are.
    expect(commune === null || parts.filter((x) => x === null).length >= 2).toBe(true);
  });

  it('two hidden parts that add up to less than 5 under a shown total are not enough', () => {
    const rows = [...background(), row(1, '2026-05', 11), row(1, '2026-05', 12)];
    const p = published(rows);
    const { cube } = p;
    const may = [cube.monthPeriod('2026-05')!];
    const at = (place: number) => sumOver(p, { source: cube.source('signals'), theme: 0, place }, may);
    const commune = at(cube.communePlace.get('21001')!);
    if (commune !== null) {
      const hidden = cube.children
        .get(cube.communePlace.get('21001')!)!
        .filter((place) => at(place) === null)
        .map(
          (place) =>
            cube.counts[cube.index({ source: cube.source('signals'), theme: 0, place, period: may[0]! })]!,
        );
      expect(hidden.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
    }
    expect(auditSuppression(cube, p.hidden)).toEqual([]);
  });

  it('holds on random sparse cubes', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 25; round++) {
      const rows: EvidenceCount[] = [];
      for (let i = 0; i < 40; i++) {
        const quartier = [11, 12, 21, null][Math.floor(random() * 4)]!;
        rows.push(
          row(
            1 + Math.floor(random() * (random() < 0.5 ? 4 : 30)),
            `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`,
            quartier,
            shape.themes[Math.floor(random() * 2)],
            (['signals', 'surveys', 'referrals'] as const)[Math.floor(random() * 3)],
            quartier === 21 ? '21004' : ['21001', '21004'][Math.floor(random() * 2)],
          ),
        );
      }
      const p = published(rows);
      expect(auditSuppression(p.cube, p.hidden)).toEqual([]);
      const primaryOnly = published(rows, false);
      if (primaryOnly.hidden.some(Boolean))
        expect(auditSuppression(p.cube, primaryOnly.hidden)).not.toEqual([]);
    }
  });

  it('reads figures that are published cells or sums of them', () => {
    const p = published([...background(), row(3, '2026-05')]);
    const figures = readEvidence(p, {
      source: null,
      theme: null,
      commune: null,
      quartier: null,
      from: '2026-01',
      to: '2026-03',
    });
    expect(figures.periods).toEqual(['2026-Q1']);
    expect(figures.total.count).toBe(3 * 2 * 2 * (20 + 30 + 25 + 40));
    // April had to be hidden with May's 3 (the only other month of its quarter with a count).
    expect(readEvidence(p, { ...figures.filter, from: '2026-04', to: '2026-04' }).total.count).toBeNull();
    expect(figures.rising.last).toEqual(['2026-02', '2026-04']);
  });

  it('stops the recovery attempt of the API test, which succeeds against primary suppression alone', async () => {
    // The target quartier's housing signals in the first quarter: 3, 10, 12.
    const rows = [
      ...background().filter(
        (r) =>
          !(
            r.quartierCode === 11 &&
            r.themeCode === 'housing' &&
            r.source === 'signals' &&
            r.month < '2026-04'
          ),
      ),
      row(3, '2026-01'),
      row(10, '2026-02'),
      row(12, '2026-03'),
    ];
    const target = {
      quartier: 11,
      commune: '21001',
      theme: 'housing',
      source: 'signals',
      month: '2026-01',
      next: ['2026-02', '2026-03'] as [string, string],
    };
    const askOf = (p: PublishedCube) => async (query: Record<string, string>) =>
      evidenceJson(readEvidence(p, parseFilter(query, p.cube, p.currentMonth)), p.builtAt).data;
    // Without secondary suppression, the quarter minus February and March gives the 3, and so on.
    const leaks = await attemptRecovery(askOf(published(rows, false)), target);
    expect(leaks).toEqual(
      expect.arrayContaining(['[month..third] - [second..third]: 3', 'commune - other places: 3']),
    );
    expect(await attemptRecovery(askOf(published(rows)), target)).toEqual([]);
  });
});
