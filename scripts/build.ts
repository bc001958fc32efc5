// The production build: `npm run build` compiles src/ to plain JavaScript in dist/, file for file
// (tsc, with the .ts import specifiers rewritten to .js), and copies every other file of src/ (the
// messages, data files, CSS and browser scripts, the migrations) to the same place in dist/, so
// that paths relative to a module (import.meta.url) find them there too. The server itself,
// dist/server.js and the chunk it loads while the embedded PostgreSQL starts, is then bundled with
// the packages (esbuild, bundle-server.ts): node loads a few modules instead of well over a
// thousand, which was most of the time before it listened. The command-line tools (dist/cli/) stay
// file for file. `node dist/server.js` runs with the installed node_modules (the packages left
// outside the bundle, and the command-line tools), no tsx and no npm.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleServer } from './bundle-server.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) {
  console.error('The build failed: tsc reported errors.');
  process.exit(1);
}
cpSync(join(root, 'src'), dist, {
  recursive: true,
  filter: (source) => !/\.tsx?$/.test(source),
});
await bundleServer(root, dist);
console.log(`Built ${dist}: start it with \`npm run start:prod\` (node dist/server.js).`);
