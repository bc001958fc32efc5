// npm run places:check [-- --fix]
// Lists the places whose commune does not match their postcode, or that have no commune, on the
// same database as `npm start`; with --fix, places again on their street those the postcode
// decides (see docs/operations.md). A position a person gave is listed, never moved.
import { loadConfig } from '../config.ts';
import { openCommandDatabase, runCommand } from './command.ts';
import {
  findMisplacedPlaces,
  fixMisplacedPlaces,
} from '../modules/directory/listing/locations/check-place-communes.ts';

const usage = 'Usage: npm run places:check [-- --fix]';

const reasons = {
  given_by_person: 'a person gave this position: check it by hand',
  postcode_outside_brussels: 'the postcode is not a Brussels one',
  street_unknown: 'the street is not in the street list',
  street_not_in_postcode: 'the street does not run through this postcode',
} as const;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.some((a) => a !== '--fix')) {
    console.log(usage);
    return 2;
  }
  const fix = args.includes('--fix');
  const config = loadConfig(process.env, []);
  const database = await openCommandDatabase(config);
  try {
    const places = await findMisplacedPlaces(database.db);
    for (const p of places) {
      const what =
        'cannot' in p.fix ? `by hand: ${reasons[p.fix.cannot]}` : `${p.fix.communeNis} (${p.fix.placement})`;
      // Saved before placements were recorded: a fix keeps the old position in the listing's history.
      const origin =
        p.placement || 'cannot' in p.fix
          ? ''
          : '  [placed before 0012: --fix keeps the old position in its history]';
      console.log(
        `${p.id}  ${p.organisation} | ${p.address}, ${p.postcode} | commune ${p.communeNis ?? 'none'} → ${what}${origin}`,
      );
    }
    const fixable = places.filter((p) => !('cannot' in p.fix)).length;
    if (fix) {
      const fixed = await fixMisplacedPlaces(database.db, places);
      console.log(`${places.length} places do not match their postcode; placed again: ${fixed}.`);
    } else
      console.log(
        `${places.length} places do not match their postcode; ${fixable} can be placed again with --fix.`,
      );
    return 0;
  } finally {
    await database.close();
  }
}

runCommand(main);
