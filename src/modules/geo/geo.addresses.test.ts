import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../shared/distance.ts';
import { placeAddress, postcodeCommunes, streetKey } from './geo.addresses.ts';
import { geoReference } from './geo.reference.ts';

const placed = (address: string, postcode: string) => {
  const result = placeAddress(address, postcode);
  if (!result.placed) throw new Error(`${address}, ${postcode}: ${result.problem}`);
  return result;
};

describe('placing an address from its street and postcode', () => {
  it('puts a long street crossing several communes in the commune of the postcode', () => {
    // The newcomer's walk-through: 1050 was ignored and the place landed in Auderghem.
    const ixelles = placed('Chaussée de Wavre 50', '1050');
    expect(ixelles.communeNis).toBe('21009');
    const auderghem = placed('Chaussée de Wavre 1200', '1160');
    expect(auderghem).toMatchObject({ communeNis: '21002', precision: 'street' });
    expect(distanceKm(ixelles, auderghem)).toBeGreaterThan(3);
    // The Etterbeek part, with the short form written on many letters.
    expect(placed('Chée de Wavre 500', '1040')).toMatchObject({ communeNis: '21005', precision: 'street' });
  });

  it('places the form’s own example in the City of Brussels, in nl and fr, with or without accents', () => {
    const zenne = placed('Zennestraat 12', '1000');
    expect(zenne).toMatchObject({ communeNis: '21004', street: 'Rue de la Senne - Zennestraat' });
    expect(zenne.quartierCode).not.toBeNull();
    for (const written of [
      'Rue de la Senne 12',
      'rue de la senne, 12',
      'Rue de la Senne - Zennestraat 12',
      '12 Zenne straat',
    ])
      expect(placed(written, '1000')).toEqual(zenne);
    // The data has no course for this street, so the place is at the postcode's centre and says so.
    expect(zenne.precision).toBe('postcode');
    const centre = geoReference().postcode('1000')!.centre;
    expect(distanceKm(zenne, centre)).toBeLessThan(0.01);
  });

  it('matches accents, case, "rue"/"laan" and the bilingual name to one street', () => {
    const names = ['Avenue des Ébéniers 3', 'avenue des ebeniers 3', 'Ebbebomenlaan 3', 'Av. des Ebeniers 3'];
    const [first, ...others] = names.map((name) => placed(name, '1020'));
    expect(first).toMatchObject({ communeNis: '21004', precision: 'street' });
    for (const other of others) expect(other).toEqual(first);
    expect(streetKey('Chaussée de Wavre')).toBe(streetKey('chee de wavre'));
    expect(streetKey('Zennestraat')).toBe(streetKey('Zenne straat'));
  });

  it('refuses a street that does not run through the postcode, an unknown street and a postcode outside Brussels', () => {
    expect(placeAddress('Avenue des Ébéniers 3', '1050')).toEqual({
      placed: false,
      problem: 'street_not_in_postcode',
      field: 'address',
    });
    expect(placeAddress('Rue Imaginaire 3', '1000')).toMatchObject({
      placed: false,
      problem: 'street_unknown',
    });
    expect(placeAddress('Rue de la Senne 12', '9000')).toMatchObject({
      placed: false,
      problem: 'postcode_outside_brussels',
      field: 'postcode',
    });
  });

  it('knows the part of the City of Brussels that 1040 and 1050 serve', () => {
    expect(postcodeCommunes('1050')).toEqual(['21009', '21004']);
    expect(postcodeCommunes('9000')).toEqual([]);
    expect(placed('Avenue Louise 300', '1050').communeNis).toBe('21004');
    expect(placed('Rue Belliard 99', '1040').communeNis).toBe('21004');
  });

  it('places every street part of the data inside a commune of its postcode', () => {
    const data = JSON.parse(readFileSync(new URL('./data/street-parts.json', import.meta.url), 'utf8')) as {
      streets: [string, number, ...number[][]][];
    };
    let parts = 0;
    for (const [name, , ...streetParts] of data.streets)
      for (const [postcode] of streetParts) {
        const result = placeAddress(`${name} 1`, String(postcode));
        expect(
          result.placed && postcodeCommunes(String(postcode)).includes(result.communeNis),
          `${name}, ${postcode}`,
        ).toBe(true);
        parts++;
      }
    expect(parts).toBeGreaterThan(1_500);
  });

  it('keeps its data file small', () => {
    expect(statSync(new URL('./data/street-parts.json', import.meta.url)).size).toBeLessThan(400_000);
  });
});
