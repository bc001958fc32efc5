// node dist/cli/map-stack.js [--dist DIR] < log   (npm run stack:map < log, from a checkout)
// Writes the text it reads with each place in the bundled server (dist/…js:line:column, as a stack
// trace in the logs gives it) followed by the TypeScript file and line it was built from, read in
// the source maps beside the bundle. Node can do this itself for every trace (--enable-source-maps),
// but it then keeps the bundle's maps decoded for as long as it runs: about 105 MB more heap and
// 1.4 s more to start at 50,000 services (issue 19's figures; docs/operations.md, "Stack traces").
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand } from './command.ts';

const usage = 'Usage: node dist/cli/map-stack.js [--dist DIR] < log';

/** A place's end in a file: `.js:line:column`, with the closing bracket of a stack frame. */
const placeEnd = /\.js:(\d+):(\d+)\)?/g;
/** What ends a place's path, going back from its end (a log's other text). */
const beforePath = /[\s()'"`,[\]{}]/;

/**
 * `text` with each place in the bundled server (a file of dist/ or dist/cli/, as its path or file:
 * URL names it, or a file name alone) followed by its origin, ` [src/….ts:line:column]`, when
 * `mapOf` gives that file's map (by its path in dist/); other places as they were. Each place's path
 * is read back from its end, so a long line costs no more than its length.
 */
export function mapStack(text: string, mapOf: (file: string) => SourceMap | undefined): string {
  let out = '';
  let done = 0;
  for (const match of text.matchAll(placeEnd)) {
    const end = match.index + match[0].length;
    let start = match.index;
    while (start > done && !beforePath.test(text[start - 1]!)) start--;
    const path = text.slice(start, match.index) + '.js';
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    const inDist = /(?:^|\/)dist\/(cli\/)?$/.exec(path.slice(0, slash + 1));
    const file =
      /^[\w.-]+\.js$/.test(name) && (slash < 0 || inDist) ? `${inDist?.[1] ?? ''}${name}` : undefined;
    const entry = file && mapOf(file)?.findEntry(Number(match[1]) - 1, Number(match[2]) - 1);
    out += text.slice(done, end);
    if (entry && 'originalSource' in entry) {
      const source = entry.originalSource.replace(/^.*?(?=\bsrc\/|\bnode_modules\/)/, '');
      out += ` [${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}]`;
    }
    done = end;
  }
  return out + text.slice(done);
}

/** A reader of the maps beside the bundle in `dist` (by path in it: `x.js`, `cli/x.js`), each read once. */
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
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href)
  runCommand(main);
