import { describe, expect, it } from 'vitest';
import { allThemesCode, type EvidenceCount, type EvidenceSource, withAllThemes } from '../evidence-source.ts';
import { buildCube, type CubeShape } from './evidence-cube.ts';
import { type PublishedCube, readEvidence, sumOver, periodCells } from './evidence-query.ts';
import { noiseBound, perturb } from './perturbation.ts';
import { auditSuppression, describe as describeCell, suppress } from './suppression.ts';
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
  keySum = (count * 37 + Number(month.slice(5)) * 101 + (quartierCode ?? 7) * 13) % 256,
): EvidenceCount => ({ source, themeCode, communeNis, quartierCode, month, count, keySum });

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

/** The rows' cube, protected as the service does; `perturbed: false` publishes the true counts. */
function published(rows: EvidenceCount[], secondary = true, perturbed = true): PublishedCube {
  // These rows name one theme each: "all themes" adds them up.
  const { cube } = buildCube(shape, withAllThemes(rows), themeOf);
  const hidden = suppress(cube, { secondary });
  return {
    cube,
    hidden,
    shown: perturbed ? perturb(cube, hidden) : cube.counts,
    currentMonth: '2026-05',
    builtAt: new Date(),
    version: 1,
  };
}

describe('the evidence cube', () => {
  it('adds every level up exactly, sub-themes folded into their theme, unplaceable rows counted apart', () => {
    const { cube, report } = buildCube(
      shape,
      withAllThemes([
        row(3, '2026-01', 11, 'housing.search'),
        row(4, '2026-02', 12, 'food'),
        row(6, '2026-05', null, 'food', 'referrals', '21004'),
        row(2, '2026-05', 999, 'food', 'surveys', '21004'),
        row(1, '2025-12', 11),
      ]).concat(row(7, '2026-05', 11, 'unknown-theme')),
      themeOf,
    );
    expect(report).toMatchObject({ mentions: 15, records: 15, unknownTheme: 7, outsidePeriod: 2 });
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
    // The keys add up the same way, modulo 256.
    const key = (source: number, theme: number, place: number, period: number) =>
      cube.keys[cube.index({ source, theme, place, period })];
    const q1 = cube.quarterPeriod(2026, 0);
    expect(key(cube.allSources, cube.allThemes, cube.communePlace.get('21001')!, q1)).toBe(
      (row(3, '2026-01', 11).keySum + row(4, '2026-02', 12).keySum) % 256,
    );
  });

  it('counts each record once under "all themes", from the sources\' own rows', () => {
    // Two signals naming housing, food and income: six mentions, two signals.
    const signal = (themeCode: string, count: number, keySum: number) =>
      row(count, '2026-03', 11, themeCode, 'signals', '21001', keySum);
    const { cube } = buildCube(
      shape,
      [signal('housing', 2, 90), signal('food', 2, 90), signal(allThemesCode, 2, 90)],
      themeOf,
    );
    const at = (theme: number) =>
      cube.counts[
        cube.index({ source: cube.allSources, theme, place: cube.regionPlace, period: cube.yearPeriod(2026) })
      ];
    expect([at(0), at(1), at(cube.allThemes)]).toEqual([2, 2, 2]);
    const hidden = suppress(cube);
    expect(
      hidden[
        cube.index({
          source: 0,
          theme: cube.allThemes,
          place: cube.quartierPlace.get(11)!,
          period: cube.monthPeriod('2026-03')!,
        })
      ],
    ).toBe(1);
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

  it('on random sparse cubes, shows no count under 5 and moves each by 2 at most, the same way every time', () => {
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
            Math.floor(random() * 256),
          ),
        );
      }
      const p = published(rows);
      const wrong: string[] = [];
      p.cube.counts.forEach((count, cell) => {
        if (p.hidden[cell]) return;
        const shown = p.shown[cell]!;
        if (
          (shown > 0 && shown < 5) ||
          Math.abs(shown - count) > noiseBound ||
          (count === 0) !== (shown === 0)
        )
          wrong.push(`${describeCell(p.cube, cell)}: ${count} shown as ${shown}`);
      });
      expect(wrong).toEqual([]);
      // The same records in another order: the same numbers.
      expect(published([...rows].reverse()).shown).toEqual(p.shown);
    }
  });

  it('sizes its buffers from the cube: a relation of 70 themes is checked whole', () => {
    const themes = Array.from({ length: 70 }, (_, i) => `t${i}`);
    const wide = { ...shape, themes };
    const rows = themes.map((theme, i) => row(i === 69 ? 3 : 20, '2026-03', 11, theme));
    const { cube } = buildCube(wide, withAllThemes(rows), (code) => code);
    const hidden = suppress(cube);
    const cell = (theme: number) =>
      cube.index({
        source: 0,
        theme,
        place: cube.quartierPlace.get(11)!,
        period: cube.monthPeriod('2026-03')!,
      });
    // The 3 of the 70th theme is hidden, and so is another theme or "all themes", else all themes minus the others gives it.
    expect(hidden[cell(69)]).toBe(1);
    expect(themes.some((_, t) => t !== 69 && hidden[cell(t)]) || hidden[cell(cube.allThemes)] === 1).toBe(
      true,
    );
  });

  it('moves a shown count by one record plus a new noise, not by exactly one (seeded)', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const steps: number[] = [];
    for (let round = 0; round < 8; round++) {
      const count = 8 + Math.floor(random() * 40);
      const keySum = Math.floor(random() * 256);
      const rows = [...background(), row(count, '2026-05', 12, 'food', 'signals', '21001', keySum)];
      // One more signal, with its own key.
      const more = [
        ...background(),
        row(
          count + 1,
          '2026-05',
          12,
          'food',
          'signals',
          '21001',
          (keySum + Math.floor(random() * 256)) % 256,
        ),
      ];
      const at = (p: PublishedCube) =>
        sumOver(p, { source: 0, theme: 1, place: p.cube.quartierPlace.get(12)! }, [
          p.cube.monthPeriod('2026-05')!,
        ]);
      const before = at(published(rows));
      const after = at(published(more));
      expect(Math.abs(before! - count)).toBeLessThanOrEqual(noiseBound);
      expect(Math.abs(after! - count - 1)).toBeLessThanOrEqual(noiseBound);
      steps.push(after! - before!);
      // Without the noise, each step is exactly the one record.
      expect(at(published(more, true, false))! - at(published(rows, true, false))!).toBe(1);
    }
    expect(steps.some((step) => step !== 1)).toBe(true);
  });

  it('gives a cell one number however it is reached', () => {
    // Only signals in quartier 12 in May: "all sources" holds the same records as "signals", hence the same number.
    const p = published([...background(), row(23, '2026-05', 12, 'food')]);
    const { cube } = p;
    const at = (source: number) =>
      sumOver(p, { source, theme: 1, place: cube.quartierPlace.get(12)! }, [cube.monthPeriod('2026-05')!]);
    expect(at(cube.allSources)).toBe(at(cube.source('signals')));
    expect(at(cube.allSources)).not.toBeNull();
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
    // The region's first quarter, moved by its noise: its published cell, within 2 of the truth.
    const { cube } = p;
    const cell = cube.index({
      source: cube.allSources,
      theme: cube.allThemes,
      place: cube.regionPlace,
      period: cube.quarterPeriod(2026, 0),
    });
    expect(figures.total.count).toBe(p.shown[cell]);
    expect(Math.abs(figures.total.count! - 3 * 2 * 2 * (20 + 30 + 25 + 40))).toBeLessThanOrEqual(noiseBound);
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
    // Without secondary suppression (nor noise), the quarter minus February and March gives the 3, and so on.
    const leaks = await attemptRecovery(askOf(published(rows, false, false)), target);
    expect(leaks).toEqual(
      expect.arrayContaining(['[month..third] - [second..third]: 3', 'commune - other places: 3']),
    );
    expect(await attemptRecovery(askOf(published(rows)), target)).toEqual([]);
  });
});
