// The production server bundled into one file (scripts/bundle-server.ts): every module that finds
// files beside itself through import.meta.url still names its own place in dist/, where the build
// copies those files, not the bundle's.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleServer, ownUrl } from '../scripts/bundle-server.ts';

const root = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'passerelle-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the bundled server', () => {
  it("gives each file its own import.meta.url, as its compiled file's place in dist/", () => {
    expect(ownUrl(join(root, 'src'), join(root, 'src/modules/geo/geo.reference.ts'))).toBe(
      'new URL("./modules/geo/geo.reference.js", import.meta.url).href',
    );
  });

  it('is one file in which no module reads the bundle’s own URL', async () => {
    await bundleServer(root, out);
    const bundle = readFileSync(join(out, 'server.js'), 'utf8');
    const uses = [...bundle.matchAll(/(.{0,120})import\.meta\.url/g)].map((m) => m[1]!);
    expect(uses.length).toBeGreaterThan(5);
    for (const before of uses) {
      const own = /new URL\("\.\/([^"]+)\.js", $/.exec(before);
      expect(own, before).not.toBeNull();
      // The file it names is a module of src/ (its compiled file is beside its data in dist/).
      expect(existsSync(join(root, 'src', `${own![1]}.ts`)), own![1]).toBe(true);
    }
    // The app's own modules are inside, the packages outside.
    expect(bundle).not.toMatch(/from "\.\//);
    expect(bundle).toMatch(/from "fastify"/);
  });
});
