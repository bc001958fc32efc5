// Static files: our own (src/http/assets) and the browser libraries we ship from node_modules.
// URLs carry a hash of the file so browsers may cache them for a year.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export const assetRoots = {
  own: fileURLToPath(new URL('../http/assets/', import.meta.url)),
  vendor: {
    htmx: join(packageDir('htmx.org'), 'dist'),
    leaflet: join(packageDir('leaflet'), 'dist'),
    markercluster: join(packageDir('leaflet.markercluster'), 'dist'),
  },
} as const;

/** Path under /assets/ to the file on disk. */
function fileOf(path: string): string {
  const match = /^vendor\/(htmx|leaflet|markercluster)\/(.+)$/.exec(path);
  if (match) return join(assetRoots.vendor[match[1] as keyof typeof assetRoots.vendor], match[2]!);
  return join(assetRoots.own, path);
}

const hashes = new Map<string, string>();

export function assetUrl(path: string): string {
  const resolved = path === 'vendor/htmx.min.js' ? 'vendor/htmx/htmx.min.js' : path;
  let hash = hashes.get(resolved);
  if (!hash) {
    hash = createHash('sha256')
      .update(readFileSync(fileOf(resolved)))
      .digest('hex')
      .slice(0, 10);
    hashes.set(resolved, hash);
  }
  return `/assets/${resolved}?v=${hash}`;
}
