// Restarts of the loaded server on its large directory (issue 18): each time, how long until it
// listens and until /readyz says ready (the search index built from PostgreSQL), and whether it
// stayed up. A start that fails (a plugin timeout while the jobs start next to the index build)
// shows as not served.
export interface Restart {
  listenSeconds: number;
  readySeconds: number | null;
  served: boolean;
}

interface Started {
  url: string;
  readySeconds: number;
  exited: Promise<number | null>;
}

export async function measureRestarts<S extends Started>(
  start: () => Promise<S>,
  stop: (server: S) => Promise<unknown>,
  times = 3,
): Promise<Restart[]> {
  const restarts: Restart[] = [];
  for (let i = 0; i < times; i++) {
    const began = performance.now();
    const server = await start().catch(() => null);
    if (!server) {
      restarts.push({ listenSeconds: (performance.now() - began) / 1000, readySeconds: null, served: false });
      continue;
    }
    let exited = false;
    void server.exited.then(() => (exited = true));
    let readySeconds: number | null = null;
    const deadline = Date.now() + 300_000;
    while (!exited && Date.now() < deadline) {
      const res = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(2_000) }).catch(
        () => null,
      );
      if (res?.ok) {
        readySeconds = (performance.now() - began) / 1000;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    // Still up a few seconds after ready: the jobs start once the app is ready.
    await new Promise((r) => setTimeout(r, 3_000));
    restarts.push({
      listenSeconds: server.readySeconds,
      readySeconds,
      served: !exited && readySeconds !== null,
    });
    if (!exited) await stop(server);
  }
  return restarts;
}

export const restartsMarkdown = (services: number, restarts: Restart[], others = 0, built = false): string =>
  `Restarts on the ${services}-service directory${others ? ` with ${others} documents of the other kinds` : ''} (${built ? 'the production build, ' : ''}jobs on), ${restarts.length} times: ` +
  restarts
    .map((r) =>
      r.served
        ? `listening after ${r.listenSeconds.toFixed(2)} s, ready after ${r.readySeconds!.toFixed(2)} s`
        : 'did not serve',
    )
    .join('; ') +
  '.';

/**
 * Alone: `npx tsx bench/restarts.ts --services 50000 [--other N]` seeds a directory of that size and
 * as many documents of the other kinds (seed-others.ts) through a first server, stops it, restarts it three times (jobs on) and writes the figures to bench/results.
 */
async function restartsAlone() {
  const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { parseArgs } = await import('node:util');
  const { connectDatabase } = await import('../src/db/client.ts');
  const { runningEmbeddedUrl } = await import('../src/db/embedded.ts');
  const { generateKey } = await import('../src/shared/field-encryption.ts');
  const { seedDirectory } = await import('./seed-directory.ts');
  const { seedOtherKinds } = await import('./seed-others.ts');
  const { startServer, stopServer } = await import('./server-process.ts');
  const { values } = parseArgs({
    options: { services: { type: 'string', default: '50000' }, other: { type: 'string' } },
  });
  const env = { ENCRYPTION_KEYS: generateKey('bench') };
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-restarts-'));
  try {
    const first = await startServer(dataDir, ['--no-demo'], env);
    const db = connectDatabase(runningEmbeddedUrl(dataDir)!, { max: 4 });
    const seeded = await seedDirectory(db.db, Number(values.services));
    await db.close();
    const others = await seedOtherKinds(
      runningEmbeddedUrl(dataDir)!,
      Number(values.other ?? values.services),
    );
    await stopServer(first);
    console.log(
      `seeded ${seeded.organisations} organisations, ${seeded.services} services and ${JSON.stringify(others.documents)}`,
    );
    const restarts = await measureRestarts(() => startServer(dataDir, ['--no-demo'], env), stopServer);
    const line = restartsMarkdown(
      seeded.services,
      restarts,
      Object.values(others.documents).reduce((a, b) => a + b, 0),
    );
    console.log(line);
    const date = new Date().toISOString();
    const dir = new URL('results/', import.meta.url).pathname;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `restarts-${date.slice(0, 16).replace(/[:T]/g, '-')}.json`),
      `${JSON.stringify({ date, services: seeded.services, others: others.documents, restarts, summary: line }, null, 2)}\n`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('restarts.ts')) await restartsAlone();
