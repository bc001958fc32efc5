// The first step of `npm test`: the browser tests drive Debian's Chromium. When it is missing, it
// is installed where that is possible (root with apt-get, as on CI and in containers); otherwise the
// run stops at once with the one command to run, instead of failing every browser test later.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { userInfo } from 'node:os';
import { chromiumPath } from './chromium-path.ts';

const installCommand = 'sudo apt-get install -y --no-install-recommends chromium';

function usable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function install(): boolean {
  console.log('The browser tests need Chromium; installing Debian’s package (apt-get install chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const steps = [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium'],
  ];
  return steps.every((args) => spawnSync('apt-get', args, { env, stdio: 'inherit' }).status === 0);
}

function main(): number {
  if (usable(chromiumPath)) return 0;
  if (process.env.CHROMIUM_PATH) {
    console.error(`\nCHROMIUM_PATH is ${chromiumPath}, which is not an executable file.\n`);
    return 1;
  }
  if (userInfo().uid === 0 && has('apt-get') && install() && usable(chromiumPath)) return 0;
  console.error(
    `\nThe browser tests need Chromium at ${chromiumPath}. Install it with:\n\n    ${installCommand}\n\n` +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary.\n',
  );
  return 1;
}

process.exitCode = main();
