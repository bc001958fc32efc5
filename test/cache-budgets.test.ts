import { describe, expect, it } from 'vitest';
import { keptListsBytes } from '../src/modules/directory/lists/index-lists.ts';
import { keptMatchesBytes } from '../src/modules/search/engine/search-index.ts';
import { cacheBytes } from '../src/modules/signals/evidence/evidence-filters.ts';
import { allCachesBytes, cacheBudget } from '../src/shared/cache-budgets.ts';

describe('the caches’ budgets', () => {
  it('leave room for the search index within 800 MB at peak (issue 19): 232 MB at most together', () => {
    expect(allCachesBytes).toBeLessThanOrEqual(232 * 2 ** 20);
    expect(allCachesBytes).toBeGreaterThan(64 * 2 ** 20);
  });

  it('are the ones the caches use', () => {
    expect(keptMatchesBytes).toBe(cacheBudget('searchWordMatches'));
    expect(keptListsBytes).toBe(cacheBudget('directoryLists'));
    expect(cacheBytes).toBe(cacheBudget('evidenceAnswers'));
  });
});
