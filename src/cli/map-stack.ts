// node dist/cli/map-stack.js [--dist DIR] < log   (npm run stack:map < log, from a checkout)
// Writes the text it reads with each place in the bundled server (dist/…js:line:column, as a stack
// trace in the logs gives it) followed by the TypeScript file and line it was built from, read in
// the source maps beside the bundle. Node can do this itself for every trace (--enable-source-maps),
// but it then keeps the bundle's maps decoded for as long as it runs: about 105 MB more heap and
// 1.4 s more to start at 50,000 services (issue 19's figures; docs/operations.md, "Stack traces").
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand } from './command.ts';

const usage = 'Usage: node dist/cli/map-stack.js [--dist DIR] < log';

/** dist/<name>.js:line:column, in a file: URL or a path, or bare, with the closing bracket of a stack frame. */
const place = /((?:file:\/\/)?[^\s()'"]*\/)?([\w.-]+\.js):(\d+):(\d+)\)?/g;

/**
 * `text` with each place in a file of `dist` that has a source map followed by its origin, ` [src/…
 * .ts:line:column]`; other places as they were. `mapOf` gives a file's map, or undefined.
 */
export function mapStack(text: string, mapOf: (file: string) => SourceMap | undefined): string {
  return text.replace(
    place,
    (whole, _dir: string | undefined, file: string, line: string, column: string) => {
      const entry = mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
      if (!entry || !('originalSource' in entry)) return whole;
      const source = entry.originalSource.replace(/^.*?(?=\bsrc\/|\bnode_modules\/)/, '');
      return `${whole} [${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}]`;
    },
  );
}

/** A reader of the maps beside the bundle in `dist`, each read once. */
export function mapsIn(dist: string): (file: string) => SourceMap | undefined {
  const maps = new Map<string, SourceMap | undefined>();
  return (file) => {
    if (!maps.has(file)) {
      const path = join(dist, `${file}.map`);
      maps.set(file, existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8'))) : undefined);
    }
    return maps.get(file);
  };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--dist');
  if (args.length !== (at < 0 ? 0 : 2) || (at >= 0 && !args[at + 1])) {
    console.log(usage);
    return 2;
  }
  const dist = at < 0 ? join(process.cwd(), 'dist') : args[at + 1]!;
  if (!existsSync(join(dist, 'server.js'))) {
    console.error(`No built server in ${dist} (its source maps are read there): give --dist DIR.`);
    return 2;
  }
  const text = readFileSync(0, 'utf8');
  process.stdout.write(mapStack(text, mapsIn(dist)));
  return 0;
}

// Run as a command, not when a test imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runCommand(main);
