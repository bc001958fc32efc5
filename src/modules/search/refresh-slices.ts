// The changed owners' documents read and indexed a slice of owners at a time: a bulk import (100,000
// questions with their answers) read in one go held every row and every analysed text at once,
// hundreds of megabytes at the process's peak, for documents indexed one after the other anyway.
import type { Executor } from '../../db/client.ts';
import { holdHeapGrowthBound } from '../../shared/heap-growth.ts';
import type { SearchIndex } from './engine/search-index.ts';
import type { SearchSource } from './search-source.ts';

/**
 * More owners than this are an intake (indexed in slices of time), or more documents (re-read at
 * once): the heap's growth is bounded meanwhile.
 */
const intakeOwners = 200;
const intakeDocuments = 2_000;

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
  // A bulk import: its garbage would let the heap grow up to fourfold (shared/heap-growth.ts).
  const intake = ownerIds.length > intakeOwners;
  let release = intake ? holdHeapGrowthBound() : undefined;
  try {
    for (let at = 0; at < ownerIds.length; at += slice) {
      const owners = ownerIds.length > slice ? ownerIds.slice(at, at + slice) : ownerIds;
      const docs = await source.documents(db, owners);
      // A few owners with thousands of documents (a large organisation re-read) bound the heap too,
      // but are replaced at once: searches never miss them, and an unchanged one changes nothing.
      if (docs.length > intakeDocuments) release ??= holdHeapGrowthBound();
      // Hundreds of owners: in slices of time that give the event loop back.
      if (intake) await index.replaceGradually(docs, owners, source.name);
      else index.replace(docs, owners, source.name);
    }
  } finally {
    release?.();
  }
}
