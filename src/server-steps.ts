// What the server does once its database runs: connect and migrate, the reference and demo data,
// the app. server.ts imports this module only after it has set the embedded PostgreSQL starting,
// so that node loads these modules (and the packages they bring, most of the start-up's first
// second and a half) while the cluster starts beside it, instead of before.
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { isShowingDemoData } from './modules/directory/index.ts';
import { loadDemoData } from './modules/directory/use-cases/load-demo-data.ts';
import { syncTaxonomy } from './modules/directory/use-cases/sync-taxonomy.ts';
import { loadDemoSignals } from './modules/signals/evidence/demo-signals.ts';
import { loadDemoRooms } from './modules/spaces/demo-rooms.ts';
import { loadDemoEvents } from './modules/network/events/demo-events.ts';
import { loadDemoQuestions } from './modules/network/questions/demo-questions.ts';
import { loadDemoPath } from './modules/learning/paths/demo-path.ts';
import { loadDemoPractices } from './modules/knowledge/index.ts';
import { loadDemoCalls } from './modules/exchange/calls/demo-calls.ts';
import { loadDemoPosts } from './modules/exchange/posts/demo-posts.ts';

export { buildApp } from './app.ts';
export { connectAndMigrate } from './db/open-database.ts';

/**
 * Reference and demo data, before the app starts indexing the directory. `between` runs between
 * steps (the server's check for a stop asked meanwhile).
 */
export async function loadStartData(
  db: Database,
  config: Pick<Config, 'demoData'>,
  between: () => Promise<void>,
): Promise<void> {
  await syncTaxonomy(db);
  await between();
  if (!config.demoData) return;
  const demo = await loadDemoData(db);
  await between();
  if (demo.loaded) {
    // Demo need signals, so that the evidence map shows something (signals/evidence/demo-signals.ts).
    const signals = await loadDemoSignals(db, new Date());
    // Demo rooms, so that the rooms' pages show something (spaces/demo-rooms.ts).
    const rooms = await loadDemoRooms(db);
    // Demo events, so that the agenda shows something (network/events/demo-events.ts).
    const events = await loadDemoEvents(db, new Date());
    // Demo questions with answers (network/questions/demo-questions.ts).
    const asked = await loadDemoQuestions(db, new Date());
    console.log(
      `Loaded the demo data: ${demo.organisations} organisations, ${demo.services} services, ${signals} need signals, ${rooms} rooms, ${events} events, ${asked} questions.`,
    );
  }
  // What the demo gained after its first start comes at any start of a demo database, each only
  // if it is missing: a demo database made by an older version gets it too, a second start adds
  // nothing, and a database of real organisations (started with demo data on) gets none.
  if (demo.loaded || (await isShowingDemoData(db))) {
    // Demo good practices of the demo organisations (knowledge/practices/demo-practices.ts).
    const practices = await loadDemoPractices(db, new Date());
    if (practices) console.log(`Loaded ${practices} demo good practices.`);
    // A demo learning path, "someone asks you about their residence papers" (learning/paths/demo-path.ts).
    if (await loadDemoPath(db, new Date())) console.log('Loaded the demo learning path.');
    // Demo offers and requests between organisations, when there are none (exchange/posts/demo-posts.ts).
    const posts = await loadDemoPosts(db, new Date());
    if (posts) console.log(`Loaded ${posts} demo offers and requests.`);
    // Demo funding calls, when there are none (exchange/calls/demo-calls.ts).
    const calls = await loadDemoCalls(db, new Date());
    if (calls) console.log(`Loaded ${calls} demo funding calls.`);
  }
}
