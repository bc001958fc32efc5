// Preloaded into a server under measurement (bench/memory.ts: node --expose-gc --import <this file>):
// every 5 s appends process.memoryUsage() to $MEM_PROBE_OUT; on SIGWINCH runs a full GC first and
// marks the line "gc"; on SIGPWR writes a heap snapshot next to the output.
/* global process, setInterval */
import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';
const out = process.env.MEM_PROBE_OUT ?? `memory-probe-${process.pid}.log`;
const mb = (n) => Math.round(n / 2 ** 20);
function write(tag) {
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((s) => [s.space_name.replace('_space', ''), mb(s.space_used_size)]),
  );
  appendFileSync(
    out,
    `${new Date().toISOString().slice(11, 19)} ${tag} rss=${mb(m.rss)} heapTotal=${mb(m.heapTotal)} heapUsed=${mb(m.heapUsed)} external=${mb(m.external)} arrayBuffers=${mb(m.arrayBuffers)} ${JSON.stringify(spaces)}\n`,
  );
}
setInterval(() => write('tick'), 5_000).unref();
process.on('SIGWINCH', () => {
  globalThis.gc?.();
  globalThis.gc?.();
  write('gc');
});
process.on('SIGPWR', () => {
  globalThis.gc?.();
  const file = v8.writeHeapSnapshot(out.replace(/\.log$/, `-${Date.now()}.heapsnapshot`));
  write(`snapshot ${file}`);
});
