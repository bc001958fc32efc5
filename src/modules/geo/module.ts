// Brussels' communes, quartiers, postcodes and streets; their outlines as GeoJSON.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { geoApi } from './geo.api.ts';
import { placeIndex } from './geo.place-index.ts';

const errors = moduleErrors('geo', {
  PLACE_NOT_FOUND: 400,
});

export const geoModule = {
  name: 'geo',
  errors,
  // The place names' lookup maps (half a second to build) are made at start, not on a first search.
  start: () => {
    placeIndex();
    return {};
  },
  routes: { api: [geoApi] },
} satisfies ModuleManifest;
