// The changed owners' documents read and indexed a slice of owners at a time: a bulk import (100,000
// questions with their answers) read in one go held every row and every analysed text at once,
// hundreds of megabytes at the process's peak, for documents indexed one after the other anyway.
import type { Executor } from '../../db/client.ts';
import { boundHeapGrowthForIntake } from '../../shared/heap-growth.ts';
import type { SearchIndex } from './engine/search-index.ts';
import type { SearchSource } from './search-source.ts';

/** Owners whose documents are indexed in slices of time, as an intake. */
const gradualOwners = 200;

/** Owners whose documents are read at once. */
export const refreshSlice = 2_000;

/**
 * Replaces the documents of `ownerIds` from `source`, `slice` owners at a time. A failure throws
 * with the earlier slices applied: applying them again (the next refresh) changes nothing more.
 */
export async function replaceInSlices(
  index: SearchIndex,
  source: SearchSource,
  db: Executor,
  ownerIds: string[],
  slice = refreshSlice,
): Promise<void> {
  for (let at = 0; at < ownerIds.length; at += slice) {
    // Hundreds of owners at once: a bulk import, whose garbage would let the heap grow fourfold.
    if (ownerIds.length > gradualOwners) boundHeapGrowthForIntake();
    const owners = ownerIds.length > slice ? ownerIds.slice(at, at + slice) : ownerIds;
    const docs = await source.documents(db, owners);
    // Thousands of owners: in slices of time that give the event loop back.
    if (owners.length > gradualOwners) await index.replaceGradually(docs, owners, source.name);
    else index.replace(docs, owners, source.name);
  }
}
