// Checks the deployment files, which cannot be run here (no Docker engine, no systemd as PID 1):
//
//   npm run lint:deploy
//
// - Dockerfile: dockerfile-utils' validator (the one behind VS Code's Docker support), then this
//   project's rules: node started directly (no npm or shell in the signal path), SIGTERM as stop
//   signal, a health check on /healthz, a user that is not root, production mode, the data volume.
// - compose.yaml: dclint, which validates against the Compose specification's JSON schema and
//   applies its rules, then this project's rules: the stop grace period above the app's 20 s of
//   draining, a restart policy, health checks, the app waiting for a healthy PostgreSQL.
// - deploy/passerelle.service: the keys the stop and restart behaviour rests on, with their values,
//   and `systemd-analyze verify` where it is installed.
// test/deploy-files.test.ts runs the same checks on every `npm test` (CI).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DCLinter } from 'dclint';
import { validate } from 'dockerfile-utils';
import { parse } from 'yaml';

export const root = resolve(import.meta.dirname, '..');
export const deployFiles = {
  dockerfile: join(root, 'Dockerfile'),
  compose: join(root, 'compose.yaml'),
  systemd: join(root, 'deploy/passerelle.service'),
};

/** The app's longest shutdown (the forced exit in src/server.ts); every stop timeout must exceed it. */
export const shutdownSeconds = 20;

/** Seconds in a duration as Compose or systemd write it ("30s", "1m30s", "5min", "30"). */
export function seconds(duration: string): number {
  const units: Record<string, number> = { '': 1, ms: 0.001, s: 1, sec: 1, m: 60, min: 60, h: 3600 };
  let total = 0;
  for (const [, amount, unit] of duration.trim().matchAll(/(\d+(?:\.\d+)?)\s*([a-z]*)/g)) {
    const factor = units[unit!];
    if (factor === undefined) return NaN;
    total += Number(amount) * factor;
  }
  return total;
}

export function lintDockerfile(text: string): string[] {
  const problems = validate(text).map(
    (d) => `Dockerfile:${d.range.start.line + 1}: ${d.message} (dockerfile-utils)`,
  );
  const final = text.slice(text.lastIndexOf('\nFROM '));
  const instruction = (name: string) =>
    [...final.replace(/\\\n/g, ' ').matchAll(new RegExp(`^${name}\\s+(.+)$`, 'gm'))].map((m) => m[1]!.trim());
  const cmd = instruction('CMD').at(-1) ?? '';
  if (!/^\["node",/.test(cmd))
    problems.push(
      'Dockerfile: CMD must start node itself in exec form (no npm, no shell): the stop signal must reach it',
    );
  if (instruction('ENTRYPOINT').length) problems.push('Dockerfile: no ENTRYPOINT: CMD runs node directly');
  if (instruction('STOPSIGNAL').at(-1) !== 'SIGTERM')
    problems.push('Dockerfile: STOPSIGNAL SIGTERM is missing');
  if (!instruction('HEALTHCHECK').some((h) => h.includes('/healthz')))
    problems.push('Dockerfile: a HEALTHCHECK on /healthz is missing');
  const user = instruction('USER').at(-1);
  if (!user || /^(root|0)(:|$)/.test(user))
    problems.push('Dockerfile: the final stage must run as a user other than root');
  if (!instruction('ENV').some((e) => /NODE_ENV=production/.test(e)))
    problems.push('Dockerfile: NODE_ENV=production is missing');
  const dataDir = /DATA_DIR=(\S+)/.exec(instruction('ENV').join(' '))?.[1];
  if (!dataDir || !instruction('VOLUME').some((v) => v.includes(dataDir)))
    problems.push('Dockerfile: DATA_DIR must be set and be a VOLUME');
  return problems;
}

interface ComposeService {
  image?: string;
  build?: unknown;
  restart?: string;
  healthcheck?: { test?: unknown; disable?: boolean };
  stop_grace_period?: string;
  stop_signal?: string;
  depends_on?: Record<string, { condition?: string }> | string[];
  environment?: Record<string, string>;
  env_file?: unknown;
  volumes?: unknown[];
}

export function lintCompose(path: string): string[] {
  const linter = new DCLinter({ rules: {}, quiet: false, debug: false, exclude: [] });
  const problems = linter
    .lintFiles([path], false)
    .flatMap((result) => result.messages)
    .map((m) => `compose.yaml:${m.line}: ${m.message} (dclint ${m.rule})`);
  const compose = parse(readFileSync(path, 'utf8')) as { services?: Record<string, ComposeService> };
  const services = compose.services ?? {};
  const app = Object.entries(services).find(([, s]) => s.build !== undefined);
  const database = Object.entries(services).find(([, s]) => /^postgres:18\b/.test(s.image ?? ''));
  if (!app) return [...problems, 'compose.yaml: no service builds the app'];
  if (!database) return [...problems, 'compose.yaml: no postgres:18 service'];
  for (const [name, service] of Object.entries(services)) {
    if (!['unless-stopped', 'always', 'on-failure'].includes(service.restart ?? ''))
      problems.push(`compose.yaml: ${name} needs a restart policy`);
    if (!service.healthcheck?.test || service.healthcheck.disable)
      problems.push(`compose.yaml: ${name} needs a health check`);
    if (!service.volumes?.length) problems.push(`compose.yaml: ${name} needs a volume for its data`);
  }
  const [appName, appService] = app;
  if (!(seconds(appService.stop_grace_period ?? '10s') > shutdownSeconds))
    problems.push(
      `compose.yaml: ${appName}'s stop_grace_period must exceed the app's ${shutdownSeconds} s shutdown`,
    );
  if ((appService.stop_signal ?? 'SIGTERM') !== 'SIGTERM')
    problems.push(`compose.yaml: ${appName}'s stop_signal must be SIGTERM`);
  const dependsOn = appService.depends_on;
  if (Array.isArray(dependsOn) || dependsOn?.[database[0]]?.condition !== 'service_healthy')
    problems.push(`compose.yaml: ${appName} must wait for ${database[0]} with condition service_healthy`);
  if (!/^postgres(ql)?:\/\//.test(appService.environment?.DATABASE_URL ?? ''))
    problems.push(`compose.yaml: ${appName} needs DATABASE_URL`);
  if (!appService.env_file) problems.push(`compose.yaml: ${appName} takes ENCRYPTION_KEYS from an env_file`);
  return problems;
}

/** A unit file's keys by section; a key given twice keeps every value. */
export function unitKeys(text: string): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = header[1]!;
    else {
      const at = line.indexOf('=');
      const key = `${section}.${line.slice(0, at).trim()}`;
      keys.set(key, [...(keys.get(key) ?? []), line.slice(at + 1).trim()]);
    }
  }
  return keys;
}

/** What the stop, restart and sandbox of the unit must say. */
const unitRules: [key: string, ok: (value: string) => boolean, why: string][] = [
  ['Service.Type', (v) => ['simple', 'exec', 'notify'].includes(v), 'simple, exec or notify'],
  [
    'Service.ExecStart',
    (v) => /^\/\S*\/node\s/.test(v) && !/\bnpm\b/.test(v),
    'node by its absolute path, not npm',
  ],
  ['Service.KillMode', (v) => v === 'mixed', 'mixed: the stop signal goes to node alone'],
  ['Service.KillSignal', (v) => v === 'SIGTERM', 'SIGTERM'],
  [
    'Service.TimeoutStopSec',
    (v) => seconds(v) > shutdownSeconds,
    `above the app's ${shutdownSeconds} s shutdown`,
  ],
  ['Service.Restart', (v) => ['on-failure', 'always'].includes(v), 'on-failure'],
  ['Service.RestartSec', (v) => seconds(v) >= 1, 'a pause before restarting'],
  ['Service.User', (v) => v !== 'root' && v !== '0', 'a user other than root'],
  ['Service.Environment', (v) => v === 'NODE_ENV=production', 'NODE_ENV=production'],
  ['Service.EnvironmentFile', (v) => v.startsWith('/'), 'the file with ENCRYPTION_KEYS'],
  ['Service.NoNewPrivileges', (v) => v === 'yes', 'yes'],
  ['Service.ProtectSystem', (v) => v === 'strict', 'strict'],
  ['Service.ReadWritePaths', (v) => v.length > 0, 'the data folder'],
  ['Service.PrivateTmp', (v) => v === 'yes', 'yes'],
  ['Install.WantedBy', (v) => v === 'multi-user.target', 'multi-user.target'],
];

export function lintSystemdUnit(text: string): string[] {
  const keys = unitKeys(text);
  const problems = unitRules.flatMap(([key, ok, why]) =>
    (keys.get(key) ?? []).some(ok) ? [] : [`passerelle.service: ${key} must be ${why}`],
  );
  const dataDir = (keys.get('Service.Environment') ?? []).find((e) => e.startsWith('DATA_DIR='))?.slice(9);
  if (!dataDir || !(keys.get('Service.ReadWritePaths') ?? []).join(' ').split(/\s+/).includes(dataDir))
    problems.push('passerelle.service: DATA_DIR must be set and listed in ReadWritePaths');
  return problems;
}

/** Keys that systemd before 254 does not know; it warns and ignores them, which is intended. */
const newerKeys = ['RestartSteps', 'RestartMaxDelaySec'];

/** `systemd-analyze verify` on the unit, or null when systemd-analyze is not installed. */
export function verifyWithSystemd(path: string): string[] | null {
  if (spawnSync('systemd-analyze', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  // verify wants ExecStart's program to exist: node is where this machine has it.
  const folder = mkdtempSync(join(tmpdir(), 'unit-'));
  const copy = join(folder, 'passerelle.service');
  const text = readFileSync(path, 'utf8');
  writeFileSync(
    copy,
    existsSync('/usr/bin/node') ? text : text.replaceAll('/usr/bin/node', process.execPath),
  );
  try {
    const run = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
    const problems = `${run.stdout}\n${run.stderr}`
      .split('\n')
      .filter((line) => line.trim() && !newerKeys.some((key) => line.includes(`Unknown key '${key}'`)))
      .map((line) => `passerelle.service (systemd-analyze): ${line.replaceAll(copy, 'passerelle.service')}`);
    if (run.status !== 0)
      problems.push(`passerelle.service: systemd-analyze verify exited with ${run.status}`);
    return problems;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function lintDeployFiles(): string[] {
  return [
    ...lintDockerfile(readFileSync(deployFiles.dockerfile, 'utf8')),
    ...lintCompose(deployFiles.compose),
    ...lintSystemdUnit(readFileSync(deployFiles.systemd, 'utf8')),
    ...(verifyWithSystemd(deployFiles.systemd) ?? []),
  ];
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  const problems = lintDeployFiles();
  for (const problem of problems) console.error(problem);
  console.log(
    problems.length
      ? `${problems.length} problems`
      : 'Dockerfile, compose.yaml and passerelle.service: no problems',
  );
  process.exitCode = problems.length ? 1 : 0;
}
