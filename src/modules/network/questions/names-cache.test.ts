import { describe, expect, it } from 'vitest';
import { cachedByIds } from './names-cache.ts';

describe('cachedByIds', () => {
  it('loads only what it has not kept, keeps what was not found as gone, and keeps each database apart', async () => {
    const db = {};
    const asked: string[][] = [];
    const load = async (missing: string[]) => {
      asked.push(missing);
      return new Map(missing.filter((id) => id !== 'gone').map((id) => [id, `name of ${id}`]));
    };
    expect([...(await cachedByIds(db, 'person', ['a', 'b', 'a', 'gone'], load))]).toEqual([
      ['a', 'name of a'],
      ['b', 'name of b'],
    ]);
    expect([...(await cachedByIds(db, 'person', ['b', 'c', 'gone'], load))]).toEqual([
      ['b', 'name of b'],
      ['c', 'name of c'],
    ]);
    expect(asked).toEqual([['a', 'b', 'gone'], ['c']]);
    await cachedByIds(db, 'organisation', ['a'], load);
    await cachedByIds({}, 'person', ['a'], load);
    expect(asked.slice(2)).toEqual([['a'], ['a']]);
  });
});
