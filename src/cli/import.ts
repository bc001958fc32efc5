// npm run import -- <file.json> [--report report.json]
// Imports organisations from a City of Brussels subsidy-beneficiaries file into the platform's
// database: the external one (DATABASE_URL), the embedded one of a running server, or the embedded
// one started just for the import.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../config.ts';
import { openCommandDatabase, runCommand } from './command.ts';
import {
  citySubsidiesSource,
  parseCitySubsidyRecord,
} from '../modules/directory/import/city-subsidies-format.ts';
import {
  type ImportReport,
  importOrganisations,
} from '../modules/directory/use-cases/import-organisations.ts';
import { syncTaxonomy } from '../modules/directory/use-cases/sync-taxonomy.ts';

const usage = 'Usage: npm run import -- <file.json> [--report <report.json>]';

function readRecords(file: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new ConfigError(`${file} must hold a JSON array of records.`);
  return data;
}

function printReport(report: ImportReport, file: string): void {
  const lines = [
    '',
    `Imported ${basename(file)}: ${report.total} records`,
    `  created   ${report.created}`,
    `  updated   ${report.updated}`,
    `  unchanged ${report.unchanged}`,
    `  kept      ${report.kept.length} (listed from another source, not overwritten)`,
    `  rejected  ${report.rejected.length}`,
    ...(report.placesInUse.length
      ? [`  ${report.placesInUse.length} address(es) gone from the source kept: rooms or events are there`]
      : []),
  ];
  for (const r of report.rejected) {
    for (const p of r.problems) {
      lines.push(`  - record ${r.index}${r.name ? ` (${r.name})` : ''}: field "${p.field}" ${p.message}`);
    }
  }
  for (const k of report.kept) lines.push(`  - record ${k.index} (${k.name}): ${k.reason}`);
  for (const p of report.placesInUse)
    lines.push(`  - record ${p.index} (${p.name}): address kept, rooms or events are there`);
  console.log(lines.join('\n'));
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { report: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length !== 1) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const file = positionals[0]!;
  const records = readRecords(file);
  const config = loadConfig();
  // With a server running on the embedded database, import through it rather than starting another.
  const database = await openCommandDatabase(config);
  let interrupted = false;
  const stop = () => {
    interrupted = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await syncTaxonomy(database.db);
    const bar = new cliProgress.SingleBar(
      {
        format: 'Importing [{bar}] {percentage}% | {value}/{total} records',
        noTTYOutput: true,
        notTTYSchedule: 2000,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(records.length, 0);
    const report = await importOrganisations(database.db, records, {
      source: citySubsidiesSource,
      parse: parseCitySubsidyRecord,
      onProgress: (done) => {
        bar.update(done);
        if (interrupted) throw new Error('interrupted');
      },
    });
    bar.stop();
    printReport(report, file);
    if (values.report) {
      writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`\nFull report written to ${values.report}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

runCommand(main, (error) =>
  error instanceof Error && error.message === 'interrupted'
    ? '\nImport interrupted; every record written so far is complete.'
    : undefined,
);
