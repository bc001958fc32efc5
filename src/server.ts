// Boot only: load the configuration, open the database, build the app, listen, and close it all
// cleanly on Ctrl-C or SIGTERM.
import { ConfigError, loadConfig } from './config.ts';
import {
  DatabaseStartError,
  type EmbeddedDatabase,
  startEmbeddedDatabase,
  writeLock,
} from './db/embedded.ts';
import type { OpenDatabase } from './db/open-database.ts';

// A stop asked for while starting (Ctrl-C during the first initdb and migrations, the demo data, the
// index): PostgreSQL runs in a session of its own, out of reach of the signal, so it must be stopped
// here. The handlers are there from the first moment, `on`, not `once` (a signal often comes twice:
// to the process group and relayed by npm), and the step under way ends first: the checks between
// steps close the database and exit, so nothing runs on a closed pool. A step that hangs does not
// hold the stop more than 10 s. Once serving, the draining shutdown takes the signals over.
let database: OpenDatabase | undefined;
let stopAsked = false;
let closed: Promise<void> | undefined;
const closeOnce = () => (closed ??= (database?.close() ?? Promise.resolve()).catch(() => {}));
const stopNow = (): Promise<never> => closeOnce().then(() => process.exit(1));
let onSignal = (signal: NodeJS.Signals) => {
  if (stopAsked) return;
  stopAsked = true;
  console.log(`\n${signal} while starting: stopping.`);
  const force = setInterval(() => {
    // Not before the database is open: closing it is what the stop is for.
    if (database) void stopNow();
  }, 10_000);
  force.unref();
};
process.on('SIGINT', (signal) => onSignal(signal));
process.on('SIGTERM', (signal) => onSignal(signal));
/** Between start-up steps: a stop asked for meanwhile happens now. */
const stopIfAsked = async () => {
  if (stopAsked) await stopNow();
};

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  // The embedded PostgreSQL starts first, and the rest of the server (server-steps.ts: the app, its
  // modules and packages) loads while it does: both took about a second, one after the other.
  const steps = import('./server-steps.ts');
  steps.catch(() => {}); // Awaited below; a failure to start the database comes first.
  const embedded: EmbeddedDatabase | null = config.databaseUrl
    ? null
    : await startEmbeddedDatabase(config.dataDir);
  const { buildApp, connectAndMigrate, loadStartData } = await steps.catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  database = await connectAndMigrate(config, embedded, {
    poolSize: config.database.poolSize,
    queryTimeoutMs: config.database.queryTimeoutMs,
  });
  await stopIfAsked();
  // Reference and demo data go in before the app starts indexing the directory.
  await loadStartData(database.db, config, stopIfAsked);
  await stopIfAsked();
  let closing = false;
  const app = await buildApp(config, database).catch(async (error) => {
    await closeOnce();
    throw error;
  });
  await stopIfAsked();
  const db = database;

  const shutdown = async (signal: string) => {
    if (closing) {
      app.log.info({ signal }, 'already shutting down: waiting for the requests in flight');
      return;
    }
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await quietOrTimeUp(() => active, 250, 8_000);
    let code = 0;
    try {
      await app.close();
    } catch (error) {
      app.log.error({ err: error }, 'the app did not close cleanly');
      code = 1;
    }
    try {
      await db.close();
    } catch (error) {
      app.log.error({ err: error }, 'the database did not close cleanly');
      code = 1;
    }
    app.log.info('stopped');
    process.exit(code);
  };
  // The embedded database stopped and could not be started again: exit, so that a supervisor
  // (systemd, docker) starts the app and its database anew.
  db.embedded?.onFailure(() => {
    app.log.fatal('the embedded PostgreSQL could not be started again; exiting for a restart');
    process.exit(1);
  });
  // Requests being served, counted on the HTTP server itself. Requests that were already sent when
  // the signal came may still wait unread in the connection queue: the server keeps taking them
  // until it has been idle a moment (at most 8 s), and only then stops listening.
  let active = 0;
  app.server.on('request', (_request, response) => {
    active++;
    response.once('close', () => active--);
  });
  // Once serving: the first SIGINT or SIGTERM drains, any later one is ignored (shutdown returns).
  onSignal = (signal) => void shutdown(signal);

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  if (db.embedded) writeLock(config.dataDir, { ...db.embedded.lock, appUrl: url });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const where = config.databaseUrl ? 'external PostgreSQL' : `embedded PostgreSQL in ${config.dataDir}`;
  console.log(`\nPasserelle is running at ${url} (${where}, ready in ${seconds} s). Stop it with Ctrl-C.\n`);
}

/** Resolves once `count()` has been 0 for `quietMs`, or after `maxMs` whatever it is. */
async function quietOrTimeUp(count: () => number, quietMs: number, maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (count() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

main().catch(async (error: unknown) => {
  // Stopped while starting: the failure is the stop's doing (a closed pool), not news.
  if (stopAsked) await stopNow();
  if (error instanceof ConfigError || error instanceof DatabaseStartError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
