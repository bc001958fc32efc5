import { describe, expect, it } from 'vitest';
import { nearestStations, railwayStations } from './geo.stations.ts';

describe('railway stations', () => {
  it('reads the 35 stations of the region with their names per language', () => {
    const all = railwayStations();
    expect(all).toHaveLength(35);
    const midi = all.find((s) => s.names.fr === 'Bruxelles-Midi');
    expect(midi?.names.nl).toBe('Brussel-Zuid');
    for (const s of all) {
      expect(s.lat).toBeGreaterThan(50.7);
      expect(s.lat).toBeLessThan(50.95);
      expect(s.lon).toBeGreaterThan(4.2);
      expect(s.lon).toBeLessThan(4.5);
    }
  });

  it('finds the nearest station to a point, nearest first', () => {
    // Place Flagey, Ixelles: the Germoir halt is a few hundred metres away.
    const [first, second] = nearestStations({ lat: 50.8275, lon: 4.3722 }, 2);
    expect(first!.km).toBeLessThanOrEqual(second!.km);
    expect(first!.station.names.fr).toBe('Germoir');
    expect(first!.km).toBeLessThan(1);
  });
});
