// Places whose commune does not match their postcode (or that have none): the command
// `npm run places:check` lists them, and with `--fix` places again those the postcode decides,
// on their street's part in the postcode's area. A position a person gave (typed coordinates or a
// moved marker) is never moved: it is listed to be checked by hand.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { type AddressProblem, placeAddress, postcodeCommunes } from '../../../geo/index.ts';
import { locations, organisations } from '../../directory.schema.ts';
import { diff, recordVersion } from '../listing-versions.ts';

export interface MisplacedPlace {
  id: string;
  organisationId: string;
  organisation: string;
  address: string;
  postcode: string;
  communeNis: string | null;
  /** How it was placed; null when saved before placements were recorded (migration 0012). */
  placement: 'coordinates' | 'street' | 'postcode' | null;
  /** Where the postcode puts it, or why it cannot be fixed by the command. */
  fix:
    | {
        latitude: number;
        longitude: number;
        communeNis: string;
        quartierCode: number | null;
        placement: 'street' | 'postcode';
      }
    | { cannot: AddressProblem | 'given_by_person' };
}

export async function findMisplacedPlaces(db: Database): Promise<MisplacedPlace[]> {
  const rows = await db
    .select({
      id: locations.id,
      organisationId: locations.organisationId,
      name: organisations.name,
      address: locations.address,
      postcode: locations.postcode,
      communeNis: locations.communeNis,
      placement: locations.placement,
    })
    .from(locations)
    .innerJoin(organisations, eq(organisations.id, locations.organisationId))
    .orderBy(asc(locations.postcode), asc(locations.id));
  const misplaced: MisplacedPlace[] = [];
  for (const row of rows) {
    const postcode = row.postcode?.trim() ?? '';
    const communes = postcodeCommunes(postcode);
    // A place with a commune and a postcode outside the region: its coordinates decided.
    if (row.communeNis && (!communes.length || communes.includes(row.communeNis))) continue;
    const address = row.address ?? '';
    let fix: MisplacedPlace['fix'];
    if (row.placement === 'coordinates') fix = { cannot: 'given_by_person' };
    else {
      const placed = placeAddress(address, postcode);
      fix = placed.placed
        ? {
            latitude: placed.lat,
            longitude: placed.lon,
            communeNis: placed.communeNis,
            quartierCode: placed.quartierCode,
            placement: placed.precision,
          }
        : { cannot: placed.problem };
    }
    const organisation = row.name.fr ?? row.name.nl ?? row.name.en ?? '';
    misplaced.push({ ...row, organisation, address, postcode, fix });
  }
  return misplaced;
}

/** Places again those the postcode decides, each with its version in the listing's history. */
export async function fixMisplacedPlaces(db: Database, places: MisplacedPlace[]): Promise<number> {
  let fixed = 0;
  for (const place of places) {
    const { fix } = place;
    if ('cannot' in fix) continue;
    await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(locations)
        .where(
          and(
            eq(locations.id, place.id),
            sql`${locations.communeNis} is not distinct from ${place.communeNis}`,
          ),
        )
        .for('update');
      // Changed since it was listed: leave it for the next run.
      if (!current || current.placement === 'coordinates') return;
      await tx.update(locations).set(fix).where(eq(locations.id, place.id));
      await recordVersion(tx, {
        recordType: 'location',
        recordId: place.id,
        organisationId: place.organisationId,
        actorId: null,
        action: 'update',
        changes: diff(current, fix),
      });
      fixed++;
    });
  }
  return fixed;
}
