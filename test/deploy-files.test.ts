// The Dockerfile, compose.yaml and the systemd unit cannot be run here (no Docker engine, no
// systemd as PID 1): their linters and this project's rules check them instead, on every test run.
// The same checks print with `npm run lint:deploy` (scripts/lint-deploy.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deployFiles,
  lintCompose,
  lintDockerfile,
  lintSystemdUnit,
  seconds,
  verifyWithSystemd,
} from '../scripts/lint-deploy.ts';

const read = (path: string) => readFileSync(path, 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'deploy-files-'));

describe('the Dockerfile', () => {
  it('passes dockerfile-utils and starts node directly, as a user, with SIGTERM and a health check', () => {
    expect(lintDockerfile(read(deployFiles.dockerfile))).toEqual([]);
  });

  it('is refused when npm starts the app, the stop signal changes or it runs as root', () => {
    const broken = read(deployFiles.dockerfile)
      .replace(/^CMD .*$/m, 'CMD ["npm", "start"]')
      .replace('STOPSIGNAL SIGTERM', 'STOPSIGNAL SIGKILL')
      .replace(/^USER node$/m, 'USER root')
      .replace(/^FROM node/m, 'FORM node');
    const problems = lintDockerfile(broken).join('\n');
    expect(problems).toContain('CMD must start node itself');
    expect(problems).toContain('STOPSIGNAL SIGTERM is missing');
    expect(problems).toContain('other than root');
    expect(problems).toContain('(dockerfile-utils)');
  });
});

describe('compose.yaml', () => {
  it('is valid Compose, passes dclint, and stops, restarts and waits as it should', () => {
    expect(lintCompose(deployFiles.compose)).toEqual([]);
  });

  it('is refused with a short grace period, no restart policy, or a key the specification lacks', () => {
    const path = join(scratch, 'compose.yaml');
    writeFileSync(
      path,
      read(deployFiles.compose)
        .replace('stop_grace_period: 30s', 'stop_grace_period: 10s')
        .replace('restart: unless-stopped', 'restart: "no"'),
    );
    const problems = lintCompose(path).join('\n');
    expect(problems).toContain("stop_grace_period must exceed the app's 20 s shutdown");
    expect(problems).toContain('app needs a restart policy');
    writeFileSync(path, read(deployFiles.compose).replace('init: true', 'init: true\n    stop_timeout: 30'));
    expect(lintCompose(path).join('\n')).toContain('invalid-schema');
  });
});

describe('the systemd unit', () => {
  it('has the stop, restart and hardening keys with their values', () => {
    expect(lintSystemdUnit(read(deployFiles.systemd))).toEqual([]);
  });

  it('is refused when npm starts the app or the stop timeout is too short', () => {
    const broken = read(deployFiles.systemd)
      .replace(/^ExecStart=.*$/m, 'ExecStart=/usr/bin/npm start')
      .replace('TimeoutStopSec=30', 'TimeoutStopSec=10')
      .replace('KillMode=mixed', 'KillMode=control-group');
    expect(lintSystemdUnit(broken)).toEqual([
      'passerelle.service: Service.ExecStart must be node by its absolute path, not npm',
      'passerelle.service: Service.KillMode must be mixed: the stop signal goes to node alone',
      "passerelle.service: Service.TimeoutStopSec must be above the app's 20 s shutdown",
    ]);
  });

  it('passes systemd-analyze verify where systemd is installed', (context) => {
    const problems = verifyWithSystemd(deployFiles.systemd);
    if (problems === null) return context.skip('systemd-analyze is not installed');
    expect(problems).toEqual([]);
    // And it does find a mistake.
    const path = join(scratch, 'passerelle.service');
    writeFileSync(path, read(deployFiles.systemd).replace('KillMode=mixed', 'KillMode=everything'));
    expect(verifyWithSystemd(path)?.join('\n')).toContain('Failed to parse kill mode');
  });

  it('reads durations as systemd and Compose write them', () => {
    expect([seconds('30'), seconds('30s'), seconds('1m30s'), seconds('5min'), seconds('2h')]).toEqual([
      30, 30, 90, 300, 7200,
    ]);
    expect(seconds('3 fortnights')).toBeNaN();
  });
});
