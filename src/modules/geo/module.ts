// Brussels' communes, quartiers, postcodes and streets; their outlines as GeoJSON.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { geoApi } from './geo.api.ts';

const errors = moduleErrors('geo', {
  PLACE_NOT_FOUND: 400,
});
declare module '../../shared/errors.ts' {
  interface ModuleErrorCodes extends Record<keyof typeof errors, true> {}
}

export const geoModule: ModuleManifest = { name: 'geo', errors, routes: { api: [geoApi] } };
