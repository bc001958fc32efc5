// The railway stations inside the region (data/railway-stations.csv, from iRail, CC0; see
// data/SOURCE.md), with their names in each language, and the nearest ones to a point: for "near"
// search and for "how to get there" on a service's card.
import { readFileSync } from 'node:fs';
import { distanceKm, type Point } from '../../shared/distance.ts';

export interface Station extends Point {
  /** The official name, often bilingual ("Bruxelles-Midi/Brussel-Zuid"). */
  name: string;
  names: { nl: string; fr: string; en: string };
}

let stations: Station[] | undefined;

export function railwayStations(): readonly Station[] {
  if (!stations) {
    // A plain CSV without quotes: uri,name,name_fr,name_nl,name_de,name_en,longitude,latitude.
    const [, ...rows] = readFileSync(new URL('./data/railway-stations.csv', import.meta.url), 'utf8')
      .trim()
      .split('\n');
    stations = rows.map((row) => {
      const [, name, fr, nl, , en, lon, lat] = row.split(',');
      return {
        name: name!,
        names: { nl: nl || name!, fr: fr || name!, en: en || name! },
        lat: Number(lat),
        lon: Number(lon),
      };
    });
  }
  return stations;
}

/** The stations nearest to a point, nearest first, with their distance in km. */
export function nearestStations(point: Point, count = 1): { station: Station; km: number }[] {
  return railwayStations()
    .map((station) => ({ station, km: distanceKm(point, station) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, count);
}
