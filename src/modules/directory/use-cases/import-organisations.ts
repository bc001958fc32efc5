// Imports organisations from an external list. Each record is written in its own transaction, so a
// bad record changes nothing and never stops the others. Re-running the same file changes nothing:
// records are matched on their KBO/BCE number, else on their id in the source. A listing that came
// from elsewhere (entered on the platform, another source) is never overwritten by an import.
import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { locations, organisations } from '../directory.schema.ts';
import type { ImportRecord, ParseResult } from '../import/city-subsidies-format.ts';
import { locatedPoint } from '../located-point.ts';

export interface RejectedRecord {
  /** Position in the file, from 1. */
  index: number;
  name?: string;
  problems: FieldProblem[];
}

export interface ImportReport {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Matched a listing maintained elsewhere, left as it is. */
  kept: { index: number; name: string; reason: string }[];
  /** Updated, but its address, gone from the source, stays: rooms or events of the network are there. */
  placesInUse: { index: number; name: string }[];
  rejected: RejectedRecord[];
}

export interface ImportOptions {
  source: string;
  parse: (raw: unknown) => ParseResult;
  onProgress?: (done: number, total: number) => void;
  now?: Date;
}

const locationKey = 'address';

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function findExisting(tx: Executor, record: ImportRecord, source: string) {
  const match = record.kboNumber
    ? eq(organisations.kboNumber, record.kboNumber)
    : and(eq(organisations.provenanceSource, source), eq(organisations.provenanceId, record.sourceId));
  const [org] = await tx
    .select({
      id: organisations.id,
      name: organisations.name,
      provenanceSource: organisations.provenanceSource,
    })
    .from(organisations)
    .where(match)
    .for('update');
  return org;
}

function locationRow(record: ImportRecord) {
  const loc = record.location!;
  return {
    address: loc.address,
    postcode: loc.postcode,
    locality: loc.locality,
    ...locatedPoint(loc.latitude, loc.longitude),
  };
}

type Outcome = 'created' | 'updated' | 'unchanged' | { kept: string };

/**
 * Deletes a place unless other modules' rows (rooms, events) are there: the database refuses (23503)
 * rather than let bookings and registrations lose their place. Tried in a savepoint, so the rest of
 * the record is still written.
 */
async function deletePlaceUnlessInUse(tx: Executor, id: string): Promise<boolean> {
  try {
    await tx.transaction((savepoint) => savepoint.delete(locations).where(eq(locations.id, id)));
    return true;
  } catch (error) {
    for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
      if ((e as { code?: string }).code === '23503') return false;
    throw error;
  }
}

async function writeRecord(
  tx: Executor,
  record: ImportRecord,
  source: string,
  now: Date,
  placeInUse: () => void,
): Promise<Outcome> {
  const existing = await findExisting(tx, record, source);
  if (existing && existing.provenanceSource !== source) {
    return { kept: `already listed (source "${existing.provenanceSource}"); not overwritten` };
  }
  if (!existing) {
    const [org] = await tx
      .insert(organisations)
      .values({
        name: record.name,
        kind: 'formal',
        kboNumber: record.kboNumber,
        provenanceSource: source,
        provenanceId: record.sourceId,
        provenanceImportedAt: now,
      })
      .returning({ id: organisations.id });
    if (record.location) {
      await tx
        .insert(locations)
        .values({ organisationId: org!.id, provenanceId: locationKey, ...locationRow(record) });
    }
    return 'created';
  }

  let changed = false;
  if (!sameJson(existing.name, record.name)) {
    await tx
      .update(organisations)
      .set({ name: record.name, updatedAt: now })
      .where(eq(organisations.id, existing.id));
    changed = true;
  }
  const [current] = await tx
    .select()
    .from(locations)
    .where(and(eq(locations.organisationId, existing.id), eq(locations.provenanceId, locationKey)));
  if (record.location) {
    const wanted = locationRow(record);
    if (!current) {
      await tx
        .insert(locations)
        .values({ organisationId: existing.id, provenanceId: locationKey, ...wanted });
      changed = true;
    } else if (Object.entries(wanted).some(([k, v]) => current[k as keyof typeof current] !== v)) {
      await tx
        .update(locations)
        .set({ ...wanted, updatedAt: now })
        .where(eq(locations.id, current.id));
      changed = true;
    }
  } else if (current) {
    if (await deletePlaceUnlessInUse(tx, current.id)) changed = true;
    else placeInUse();
  }
  if (changed) {
    await tx
      .update(organisations)
      .set({ provenanceImportedAt: now, updatedAt: now })
      .where(eq(organisations.id, existing.id));
  }
  return changed ? 'updated' : 'unchanged';
}

export async function importOrganisations(
  db: Database,
  raw: unknown[],
  options: ImportOptions,
): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const report: ImportReport = {
    total: raw.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    kept: [],
    placesInUse: [],
    rejected: [],
  };
  for (const [i, item] of raw.entries()) {
    const index = i + 1;
    const parsed = options.parse(item);
    if (!parsed.ok) {
      report.rejected.push({ index, name: parsed.name, problems: parsed.problems });
    } else {
      try {
        let placeInUse = false;
        const outcome = await db.transaction((tx) =>
          writeRecord(tx, parsed.record, options.source, now, () => (placeInUse = true)),
        );
        if (placeInUse) report.placesInUse.push({ index, name: textIn(parsed.record.name, 'fr') });
        if (typeof outcome === 'object')
          report.kept.push({ index, name: textIn(parsed.record.name, 'fr'), reason: outcome.kept });
        else report[outcome]++;
      } catch (error) {
        // Drizzle wraps the database's own message (the useful part) as the cause.
        const root = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        const message = root instanceof Error ? root.message : String(root);
        report.rejected.push({
          index,
          name: textIn(parsed.record.name, 'fr'),
          problems: [{ field: '(database)', message }],
        });
      }
    }
    options.onProgress?.(index, raw.length);
  }
  return report;
}
