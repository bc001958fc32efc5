// Brussels' communes, quartiers, postcodes and streets; their outlines as GeoJSON.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { geoApi } from './geo.api.ts';

const errors = moduleErrors('geo', {
  PLACE_NOT_FOUND: 400,
});

export const geoModule = { name: 'geo', errors, routes: { api: [geoApi] } } satisfies ModuleManifest;
