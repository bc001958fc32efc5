// A failing test must fail the run. The embedded PostgreSQL package once turned every exit into
// exit code 0, so CI passed whatever the tests said; this runs the real runner, with the suite's own
// global set-up, on a planted failing test in a child process and reads its exit code.
import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { allowSlowTests } from './helpers/slow-tests.ts';

allowSlowTests();

const root = new URL('..', import.meta.url).pathname;

function runPlanted(file: 'fails' | 'passes', database: 'embedded' | 'external') {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  if (database === 'external') env.TEST_DATABASE_URL = inject('pgAdminUrl');
  else delete env.TEST_DATABASE_URL;
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const vitest = spawn(
      process.execPath,
      [
        'node_modules/vitest/vitest.mjs',
        'run',
        '--config',
        'test/fixtures/planted/vitest.config.ts',
        `planted/${file}.planted.ts`,
      ],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    vitest.stdout.on('data', (chunk) => (output += chunk));
    vitest.stderr.on('data', (chunk) => (output += chunk));
    vitest.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the test runner', () => {
  it('exits non-zero when a test fails, with the embedded test database', async () => {
    const run = await runPlanted('fails', 'embedded');
    expect(run.output).toMatch(/Tests\s+1 failed \(1\)/);
    expect(run.code, run.output).toBe(1);
  });

  it('exits non-zero when a test fails, with TEST_DATABASE_URL', async () => {
    const run = await runPlanted('fails', 'external');
    expect(run.output).toMatch(/Tests\s+1 failed \(1\)/);
    expect(run.code, run.output).toBe(1);
  });

  it('exits 0 when every test passes', async () => {
    const run = await runPlanted('passes', 'external');
    expect(run.output).toMatch(/Tests\s+1 passed \(1\)/);
    expect(run.code, run.output).toBe(0);
  });
});
