// The Dockerfile (USER node) and the systemd unit (User=passerelle) start the embedded
// PostgreSQL as a user other than root; a fresh data folder must initialise then.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const canDrop = userInfo().uid === 0 && spawnSync('setpriv', ['--version'], { stdio: 'ignore' }).status === 0;

describe('the embedded PostgreSQL as a user other than root', () => {
  it.skipIf(!canDrop)('initialises a fresh data folder and starts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'embedded-nonroot-'));
    chmodSync(dir, 0o777);
    const script = `
      import { startEmbeddedDatabase } from ${JSON.stringify(join(root, 'src/db/embedded.ts'))};
      const db = await startEmbeddedDatabase(${JSON.stringify(join(dir, 'data'))});
      console.log('STARTED');
      await db.stop();
      process.exit(0);`;
    try {
      const run = spawnSync(
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          script,
        ],
        { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: dir } },
      );
      expect(`${run.stdout}\n${run.stderr}`).toContain('STARTED');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
