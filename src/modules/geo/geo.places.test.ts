import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../shared/distance.ts';
import { findPlace, placeInQuery, placeProblem } from './geo.places.ts';
import { geoReference } from './geo.reference.ts';
import { railwayStations } from './geo.stations.ts';

const geo = geoReference();
const communeAt = (p: { lat: number; lon: number } | null) =>
  p ? geo.locate(p.lat, p.lon)?.commune.nis : null;

describe('findPlace', () => {
  it('knows postcodes, communes in every language and their short names', () => {
    expect(findPlace('1080', 'fr')).toMatchObject({ label: '1080 Molenbeek-Saint-Jean', commune: '21012' });
    expect(findPlace('1080', 'nl')?.label).toBe('1080 Sint-Jans-Molenbeek');
    for (const name of ['Molenbeek', 'molenbeek-saint-jean', 'Sint-Jans-Molenbeek'])
      expect(findPlace(name)).toMatchObject({ kind: 'commune', commune: '21012' });
    expect(findPlace('Elsene', 'nl')).toMatchObject({ label: 'Elsene', commune: '21009' });
    expect(findPlace('Saint-Josse')?.commune).toBe('21014');
    expect(findPlace('Laeken')).toMatchObject({ label: '1020 Laeken', commune: '21004' });
  });

  it('knows the streets of the street list, with or without their type, accents and number, in fr and nl', () => {
    const haute = findPlace('rue haute');
    expect(haute).toMatchObject({ kind: 'street', label: 'Rue Haute - Hoogstraat', commune: '21004' });
    expect(findPlace('Hoogstraat')).toEqual(haute);
    expect(findPlace('Rue Haute 298, 1000 Bruxelles')).toEqual(haute);
    const anspach = findPlace('anspach');
    expect(anspach).toMatchObject({ label: 'Boulevard Anspach - Anspachlaan', commune: '21004' });
    expect(findPlace('Boulevard Anspach')).toEqual(anspach);
    expect(findPlace('Anspachlaan 41')).toEqual(anspach);
    for (const name of ['rue neuve', 'Rue Neuve 111', 'Nieuwstraat'])
      expect(communeAt(findPlace(name)), name).toBe('21004');
    expect(findPlace('avenue louise')?.label).toBe('Avenue Louise - Louizalaan');
    expect(findPlace('Etangs Noirs')?.label).toBe('Étangs Noirs');
  });

  it('knows railway stations by every name, and metro stations, squares and neighbourhoods', () => {
    const midi = railwayStations().find((s) => s.names.fr === 'Bruxelles-Midi')!;
    for (const name of [
      'gare du midi',
      'Gare du Midi',
      'zuidstation',
      'midi',
      'Brussel-Zuid',
      'Bruxelles-Midi',
    ])
      expect(findPlace(name), name).toMatchObject({ kind: 'station', lat: midi.lat, lon: midi.lon });
    expect(findPlace('gare du midi', 'nl')?.label).toBe('Brussel-Zuid');
    expect(findPlace('gare centrale')?.label).toBe('Bruxelles-Central');
    expect(findPlace('Flagey')).toMatchObject({ kind: 'landmark', label: 'Flagey', commune: '21009' });
    expect(findPlace('place flagey')?.label).toBe('Flagey');
    expect(findPlace('Matongé')).toMatchObject({ label: 'Matonge', commune: '21009' });
    expect(findPlace('Bourse')?.label).toBe('Bourse');
    expect(findPlace('Beurs', 'nl')?.label).toBe('Beurs');
    expect(findPlace('de brouckere')?.label).toBe('De Brouckère');
    expect(findPlace('Porte de Namur')?.label).toBe('Porte de Namur');
    expect(findPlace('Naamsepoort', 'nl')?.label).toBe('Naamsepoort');
    expect(findPlace('metro Rogier')?.label).toBe('Rogier');
    expect(findPlace('Marolles')).toMatchObject({ kind: 'quartier', quartier: 8 });
    expect(findPlace('Cureghem')?.kind).toBe('quartier');
    // Squares and stations lie where their names say, not at a namesake elsewhere.
    expect(distanceKm(findPlace('Bourse')!, findPlace('De Brouckère')!)).toBeLessThan(0.6);
    expect(distanceKm(findPlace('Flagey')!, findPlace('Matonge')!)).toBeLessThan(1.5);
  });

  it('says why a place gives no point: unknown, or a street no source places yet', () => {
    expect(findPlace('Xyzzyville')).toBeNull();
    expect(placeProblem('Xyzzyville')).toEqual({ reason: 'unknown' });
    expect(findPlace("Chaussée d'Ixelles")).toBeNull();
    expect(placeProblem("Chaussée d'Ixelles")).toEqual({
      reason: 'unplaced',
      street: "Chaussée d'Ixelles - Elsense Steenweg",
    });
    // With its postcode, the postcode's centre stands for it, said as approximate.
    expect(findPlace("Chaussée d'Ixelles 1050")).toMatchObject({
      approximate: true,
      commune: '21009',
      label: "Chaussée d'Ixelles - Elsense Steenweg, 1050 Ixelles",
    });
    expect(placeProblem('1080')).toBeNull();
    expect(findPlace('1300')).toBeNull();
  });
});

describe('placeInQuery', () => {
  it('finds a commune, a quartier or a station in the words, and keeps the other words', () => {
    expect(placeInQuery('logement Molenbeek')).toMatchObject({
      place: { kind: 'commune', commune: '21012' },
      named: 'Molenbeek',
      rest: 'logement',
    });
    expect(placeInQuery('CPAS de Schaerbeek')).toMatchObject({ place: { commune: '21015' }, rest: 'CPAS' });
    expect(placeInQuery('médecin Sint-Jans-Molenbeek')).toMatchObject({
      named: 'Sint-Jans-Molenbeek',
      rest: 'médecin',
    });
    expect(placeInQuery('aide alimentaire gare du midi')).toMatchObject({
      place: { kind: 'station', label: 'Bruxelles-Midi' },
      rest: 'aide alimentaire',
    });
    expect(placeInQuery('voedselhulp in Matonge', 'nl')).toMatchObject({
      named: 'Matonge',
      rest: 'voedselhulp',
    });
    expect(placeInQuery('jeunes Cureghem Bara')).toMatchObject({ place: { kind: 'quartier', quartier: 11 } });
  });

  it('leaves ordinary words and the region alone', () => {
    for (const q of [
      'justice de paix',
      'repas de midi',
      'sans-papiers Bruxelles',
      'bourse étudiant',
      'PCSW Woluwe',
      'douche',
      'Les Bons Voisins du Globe',
    ])
      expect(placeInQuery(q), q).toBeNull();
  });
});

describe('landmarks.json', () => {
  const landmarks = JSON.parse(readFileSync(new URL('./data/landmarks.json', import.meta.url), 'utf8')) as {
    id: string;
    lat: number;
    lon: number;
    source: string;
  }[];
  const streets = new Map(
    [
      ...(JSON.parse(readFileSync(new URL('./data/streets.json', import.meta.url), 'utf8')) as [
        string,
        number,
        number,
      ][]),
      ...(
        JSON.parse(readFileSync(new URL('./data/street-names.json', import.meta.url), 'utf8')) as [
          string,
          number?,
          number?,
        ][]
      ).filter((s) => s[1] !== undefined),
    ].map((s) => [s[0], { lat: s[1]!, lon: s[2]! }]),
  );

  it('places every landmark at the point of the source it names, inside the region', () => {
    for (const l of landmarks) {
      expect(geo.locate(l.lat, l.lon), l.id).not.toBeNull();
      const [, kind, ref] =
        /^(osm street|geocoded street|quartier|railway station|geocoded address) "?(.*?)"?$/.exec(
          l.source,
        ) ?? ['', 'none', ''];
      if (kind === 'osm street' || kind === 'geocoded street')
        expect(streets.get(ref!), l.id).toEqual({ lat: l.lat, lon: l.lon });
      else if (kind === 'quartier') {
        const q = geo.quartier(Number(ref!.split(' ')[0]));
        expect(distanceKm(q!.centre, l), l.id).toBeLessThan(0.01);
      } else if (kind === 'railway station')
        expect(
          distanceKm(
            railwayStations().find((s) => s.name === ref)!,
            l,
          ),
          l.id,
        ).toBeLessThan(0.005);
      else expect(kind, `${l.id}: ${l.source}`).toBe('geocoded address');
    }
  });
});

describe('words that look like places but are not', () => {
  it.each(['hulp voor grote gezinnen', 'grote schulden', 'gratis haren knippen', 'delta', 'munt'])(
    'reads "%s" as words only',
    (query) => {
      expect(placeInQuery(query)).toBeNull();
    },
  );

  it('still reads the full names of those places', () => {
    expect(placeInQuery('logement grote markt')?.place.label).toBe('Grand-Place');
    expect(placeInQuery('gare de haren')?.place.kind).toBe('station');
  });
});
