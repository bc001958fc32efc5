import { describe, expect, it } from 'vitest';
import { EvidenceCube } from './evidence-cube.ts';
import { parseFilter } from './evidence-filters.ts';

const cube = new EvidenceCube({
  themes: ['housing'],
  communes: [{ nis: '21001', quartiers: [11] }],
  firstYear: 2025,
  years: 2,
});

describe('the evidence filters', () => {
  it('takes the twelve months up to `to` when only `to` is given', () => {
    expect(parseFilter({ to: '2025-06' }, cube, '2026-12')).toMatchObject({ from: '2024-07', to: '2025-06' });
  });

  it('takes the twelve months up to the month in progress when no period is given, and keeps a given `from`', () => {
    expect(parseFilter({}, cube, '2026-12')).toMatchObject({ from: '2026-01', to: '2026-12' });
    expect(parseFilter({ from: '2026-03' }, cube, '2026-12')).toMatchObject({
      from: '2026-03',
      to: '2026-12',
    });
  });
});
