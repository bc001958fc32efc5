import { describe, expect, it } from 'vitest';
import { locatedPoint } from './located-point.ts';

describe('locatedPoint', () => {
  it('gives a point in Brussels its commune and quartier', () => {
    expect(locatedPoint(50.8359, 4.3662)).toEqual({
      latitude: 50.8359,
      longitude: 4.3662,
      communeNis: '21009',
      quartierCode: 36,
    });
  });

  it('leaves them empty without a point, or outside the region', () => {
    const empty = { communeNis: null, quartierCode: null };
    expect(locatedPoint(null, null)).toEqual({ latitude: null, longitude: null, ...empty });
    expect(locatedPoint(50.8798, 4.7005)).toEqual({ latitude: 50.8798, longitude: 4.7005, ...empty });
  });
});
