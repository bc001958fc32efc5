// A search's hit as the index gives it (search-types.ts, Hit).
import type { Hit, IndexedDoc } from './search-types.ts';
import { parseText } from './text-store.ts';

/**
 * A hit whose description is parsed from its bytes when read. Made out here, not in the search's own
 * scope: a getter made there kept that whole scope alive (the query's matches and their scores, up to
 * 600 KB for a broad one) as long as the hit, and the outcomes cache keeps hits (session 27: 205 MB
 * held by a cache counted at 72 MB).
 */
export function hitOf(
  n: number,
  doc: IndexedDoc,
  text: Uint8Array,
  rest: Omit<Hit, 'n' | 'doc' | 'description'>,
): Hit {
  return {
    n,
    doc,
    get description() {
      return parseText(text);
    },
    ...rest,
  };
}
