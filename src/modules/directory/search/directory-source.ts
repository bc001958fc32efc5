// The directory's documents for search: one per active service and one per organisation without
// services (search-docs.ts), from one snapshot query (search.repo.ts). Triggers on every directory
// table log the organisations that changed in directory_changes and NOTIFY (migration 0003).
import { currentChangeCursor, type SearchSource } from '../../search/index.ts';
import { buildDocs } from './search-docs.ts';
import { changesSince, loadDirectorySnapshot, pruneChanges } from './search.repo.ts';

export const directorySearchSource: SearchSource = {
  name: 'directory',
  channel: 'directory_changes',
  documents: async (db, ownerIds) => buildDocs(await loadDirectorySnapshot(db, ownerIds)),
  latestChange: currentChangeCursor,
  changesSince: async (db, cursor) => {
    const { organisationIds, until } = await changesSince(db, cursor);
    return { ownerIds: organisationIds, until };
  },
  pruneChanges,
};
