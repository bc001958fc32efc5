import { describe, expect, it } from 'vitest';
import { afterSearchReady } from './after-ready.ts';

describe('work started after the search index is ready', () => {
  it('waits for the index, and starts at once in an app without one', async () => {
    let ready!: () => void;
    const search = { ready: new Promise<void>((resolve) => (ready = resolve)) };
    const started: string[] = [];
    afterSearchReady(
      search,
      () => started.push('agenda'),
      () => {},
    );
    afterSearchReady(
      undefined,
      () => started.push('alone'),
      () => {},
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['alone']);
    ready();
    await search.ready;
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['alone', 'agenda']);
  });

  it('reports a start that fails', async () => {
    const errors: unknown[] = [];
    afterSearchReady(
      { ready: Promise.resolve() },
      () => {
        throw new Error('no');
      },
      (error) => errors.push(error),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toHaveLength(1);
  });
});
