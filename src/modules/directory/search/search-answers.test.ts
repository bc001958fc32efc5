import { describe, expect, it } from 'vitest';
import { keptAnswer } from '../../../http/entity-tag.ts';
import { collectGarbage } from '../../../shared/collect-garbage.ts';
import { KeptAnswers } from './search-answers.ts';

/** An outcome as big as a broad search's facets, which the answers must not count nor hold. */
const outcome = () => ({ facets: Array.from({ length: 10_000 }, (_, i) => ({ value: `v${i}`, count: i })) });

describe('KeptAnswers', () => {
  it('makes an answer once per search while its outcome is the same, again for a new outcome', () => {
    const answers = new KeptAnswers<object>(2 ** 20);
    let made = 0;
    const make = () => keptAnswer(`{"made":${++made}}`);
    const first = outcome();
    expect(answers.answer('en q=a', first, make).body.toString()).toBe('{"made":1}');
    expect(answers.answer('en q=a', first, make).body.toString()).toBe('{"made":1}');
    expect(answers.answer('fr q=a', first, make).body.toString()).toBe('{"made":2}');
    // The index changed: the service hands out another outcome for the same search.
    expect(answers.answer('en q=a', outcome(), make).body.toString()).toBe('{"made":3}');
  });

  it('counts the bodies and keys alone, and does not keep an outcome the service let go', async () => {
    const answers = new KeptAnswers<object>(2 ** 20);
    let held: WeakRef<object> | undefined;
    (() => {
      const gone = outcome();
      held = new WeakRef(gone);
      answers.answer('en q=a', gone, () => keptAnswer('x'.repeat(1000)));
    })();
    expect(answers.bytes).toBeLessThan(2000);
    // A WeakRef keeps its object until the end of the turn it was made or read in.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(held!.deref()).toBeUndefined();
  });
});
