// dist/server.js as one module (scripts/build.ts): esbuild bundles src/server.ts and every file of
// src/ it imports (messages included), leaving the packages in node_modules outside. A module that
// finds its files beside itself (new URL('./data/…', import.meta.url)) still finds them: in each
// file `import.meta.url` becomes the URL its own compiled file has in dist/, where the build copies
// those files.
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** `import.meta.url` of each file of src/ as the URL of its place in dist/, beside dist/server.js. */
export function ownUrl(src: string, file: string): string {
  const path = `./${relative(src, file).split(sep).join('/')}`.replace(/\.tsx?$/, '.js');
  return `new URL(${JSON.stringify(path)}, import.meta.url).href`;
}

const ownUrls = (src: string): Plugin => ({
  name: 'own-import-meta-url',
  setup(plugin) {
    plugin.onLoad({ filter: /\.tsx?$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      if (!path.startsWith(src + sep) || !text.includes('import.meta.url'))
        return { contents: text, loader: path.endsWith('x') ? 'tsx' : 'ts' };
      return {
        contents: text.replaceAll('import.meta.url', ownUrl(src, path)),
        loader: path.endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
});

export async function bundleServer(root: string, dist: string): Promise<void> {
  const src = join(root, 'src');
  await build({
    entryPoints: [join(src, 'server.ts')],
    outfile: join(dist, 'server.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Lines of the stack traces map to src/ without shipping the sources (and their memory) in the map.
    sourcemap: true,
    sourcesContent: false,
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [ownUrls(src)],
    logLevel: 'warning',
  });
}
