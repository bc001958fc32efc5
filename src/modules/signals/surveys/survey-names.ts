// The names answers point at: quartiers with their commune, in every language.
import { geoReference } from '../../geo/index.ts';
import type { TallyNames } from './tally-survey.ts';

export function surveyNames(): TallyNames {
  const geo = geoReference();
  const communes = new Map(geo.communes.map((c) => [c.nis, c.name]));
  return {
    quartier(code) {
      const q = geo.quartier(code);
      return q ? { ...q, communeName: communes.get(q.communeNis) ?? {} } : undefined;
    },
  };
}
