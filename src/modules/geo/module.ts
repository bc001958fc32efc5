// Brussels' communes, quartiers, postcodes and streets; their outlines as GeoJSON.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { geoApi } from './geo.api.ts';

export const geoModule: ModuleManifest = { name: 'geo', routes: { api: [geoApi] } };
