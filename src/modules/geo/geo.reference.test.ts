import { describe, expect, it } from 'vitest';
import { geoReference } from './geo.reference.ts';

describe('geoReference', () => {
  const geo = geoReference();

  it('knows the 19 communes, 145 quartiers and 22 postcodes with nl/fr/en names', () => {
    expect(geo.communes).toHaveLength(19);
    expect(geo.quartiers).toHaveLength(145);
    expect(geo.postcodes).toHaveLength(22);
    expect(geo.commune('21009')?.name).toEqual({ nl: 'Elsene', fr: 'Ixelles', en: 'Ixelles' });
    expect(geo.commune('21004')?.name.en).toBe('City of Brussels');
  });

  it('locates points in their commune and quartier', () => {
    // The Grand-Place, Matonge and the Maison communale of Molenbeek.
    expect(geo.locate(50.8467, 4.3525)).toMatchObject({
      commune: { nis: '21004' },
      quartier: { name: { fr: 'Grand Place' } },
    });
    expect(geo.locate(50.8359, 4.3662)).toMatchObject({ commune: { nis: '21009' }, quartier: { code: 36 } });
    expect(geo.locate(50.8546, 4.3375)?.commune.name.nl).toBe('Sint-Jans-Molenbeek');
  });

  it('places every postcode centre in its own commune', () => {
    for (const p of geo.postcodes)
      expect(geo.locate(p.centre.lat, p.centre.lon)?.commune.nis, p.postcode).toBe(p.communeNis);
  });

  it('gives the right commune to quartiers whose source data names the wrong one', () => {
    for (const q of geo.quartiers)
      expect(geo.locate(q.centre.lat, q.centre.lon)?.commune.nis, q.name.fr).toBe(q.communeNis);
  });

  it('returns null outside the region and for absurd coordinates', () => {
    expect(geo.locate(50.85, 4.7)).toBeNull(); // Leuven direction
    expect(geo.locate(Number.NaN, 4.35)).toBeNull();
    expect(geo.locate(95, 400)).toBeNull();
  });

  it('writes quartier names as people do, not in capitals', () => {
    const names = geo.quartiers.map((q) => q.name.fr);
    expect(names).toContain('Matonge');
    expect(names).toContain('Avenue Leopold III');
    expect(names.every((n) => n !== n.toUpperCase())).toBe(true);
  });
});
