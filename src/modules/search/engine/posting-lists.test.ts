import { afterEach, describe, expect, it, vi } from 'vitest';
import { packedFrom, type PostingList, PostingLists } from './posting-lists.ts';
import { TermIndex } from './term-index.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('posting lists copied to their length', () => {
  it('copies each list grown since, keeping its postings, then has none waiting', async () => {
    const lists: (PostingList | undefined)[] = [];
    const growing = new PostingLists(lists, 60_000);
    growing.toGrow(3).push(1, 2);
    growing.toGrow(3).push(3);
    growing.toGrow(2000).push(7);
    expect(growing.waiting).toBe(2);
    const before = lists[3];
    await growing.compact();
    expect(growing.waiting).toBe(0);
    expect(lists[3]).toEqual([1, 2, 3]);
    // A new array (exactly its length in V8), not the one pushed to.
    expect(lists[3]).not.toBe(before);
    expect(lists[2000]).toEqual([7]);
    expect(lists[0]).toBeUndefined();
  });

  it('lengthens a packed list in place while it has room, and packing trims it to its length', async () => {
    const lists: (PostingList | undefined)[] = [];
    const growing = new PostingLists(lists, 60_000);
    const write = (i: number, values: number[]) => {
      const list = growing.lengthenPacked(i, values.length);
      list.set(values, list.length - values.length);
    };
    write(1, [1, 2, 3]);
    // The first part exactly, the next ones with room for twice the list.
    expect((lists[1] as Int32Array).buffer.byteLength).toBe(12);
    write(1, [4, 5]);
    const roomy = lists[1] as Int32Array;
    write(1, [6]);
    expect(lists[1]).toEqual(Int32Array.from([1, 2, 3, 4, 5, 6]));
    expect((lists[1] as Int32Array).buffer).toBe(roomy.buffer);
    // A plain list that grows packed keeps its postings in front.
    growing.toGrow(2).push(7, 8);
    write(2, [9]);
    expect(lists[2]).toEqual(Int32Array.from([7, 8, 9]));
    await growing.pack();
    expect(lists[1]).toEqual(Int32Array.from([1, 2, 3, 4, 5, 6]));
    expect((lists[1] as Int32Array).buffer.byteLength).toBe(24);
  });

  it('runs by itself a while after the last list grew', async () => {
    vi.useFakeTimers();
    const lists: (PostingList | undefined)[] = [];
    const growing = new PostingLists(lists, 1_000);
    growing.toGrow(5).push(9);
    await vi.advanceTimersByTimeAsync(999);
    expect(growing.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(growing.waiting).toBe(0);
    expect(lists[5]).toEqual([9]);
  });

  it('leaves the words index finding and scoring as before', async () => {
    const fields = ['title', 'description'];
    const terms = new TermIndex(fields, { title: 2, description: 1 });
    for (let n = 0; n < 500; n++)
      terms.add(n, [
        [`t${n % 7}`, 'cpas'],
        [`d${n % 13}`, `w${n}`],
      ]);
    const query = { combineWith: 'OR' as const, queries: ['cpas', 't3', 'd5', 'w42'] };
    const before = terms.search(query);
    const growing = (terms as unknown as { growing: PostingLists }).growing;
    expect(growing.waiting).toBeGreaterThan(500);
    await growing.compact();
    expect(growing.waiting).toBe(0);
    expect(terms.search(query)).toEqual(before);
    // Growing again after the copy works on the copy.
    terms.add(500, [['t3'], ['']]);
    expect(terms.search({ queries: ['t3'] }).map((h) => h.n)).toContain(500);
  });

  it('keeps a long list as an Int32Array of its length, and unpacks it to grow again', async () => {
    const lists: (PostingList | undefined)[] = [];
    const growing = new PostingLists(lists, 60_000);
    const long = Array.from({ length: packedFrom }, (_, i) => i * 256 + 1);
    growing.toGrow(1).push(...long);
    growing.toGrow(2).push(...long.slice(1));
    await growing.compact();
    // Copied to its length, not packed: changes may still be coming.
    expect(Array.isArray(lists[1])).toBe(true);
    await growing.pack();
    expect(lists[1]).toBeInstanceOf(Int32Array);
    expect([...lists[1]!]).toEqual(long);
    expect(Array.isArray(lists[2])).toBe(true);
    const grown = growing.toGrow(1);
    expect(Array.isArray(grown)).toBe(true);
    grown.push(99 * 256 + 1);
    expect(lists[1]).toBe(grown);
    expect(grown).toEqual([...long, 99 * 256 + 1]);
  });

  it('finds, scores and vacuums documents in packed lists as in plain ones', async () => {
    const fields = ['title'];
    const terms = new TermIndex(fields, { title: 1 });
    for (let n = 0; n < 3 * packedFrom; n++) terms.add(n, [['cpas', `w${n % 5}`]]);
    const growing = (terms as unknown as { growing: PostingLists }).growing;
    const before = terms.search({ queries: ['cpas', 'w2'] });
    await growing.compact();
    await terms.packLongLists();
    const lists = (terms as unknown as { postings: (PostingList | undefined)[] }).postings;
    expect(lists.some((l) => l instanceof Int32Array)).toBe(true);
    expect(terms.search({ queries: ['cpas', 'w2'] })).toEqual(before);
    for (let n = 0; n < 2 * packedFrom; n++) terms.discard(n);
    await terms.vacuum();
    const after = terms.search({ queries: ['cpas'] }).map((h) => h.n);
    expect(after).toHaveLength(packedFrom);
    expect(Math.min(...after)).toBe(2 * packedFrom);
    // The packed list holds only the documents left.
    expect(lists.find((l) => l instanceof Int32Array)?.length).toBe(packedFrom);
  });

  it('packs long lists by itself only once no list grew for a while', async () => {
    vi.useFakeTimers();
    const lists: (PostingList | undefined)[] = [];
    const growing = new PostingLists(lists, 1_000, 10_000);
    const long = Array.from({ length: packedFrom }, (_, i) => i * 256 + 1);
    growing.toGrow(1).push(...long);
    await vi.advanceTimersByTimeAsync(1_010);
    expect(Array.isArray(lists[1])).toBe(true);
    // A change before the quiet time is up puts the packing off.
    await vi.advanceTimersByTimeAsync(5_000);
    growing.toGrow(7).push(1);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(Array.isArray(lists[1])).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(lists[1]).toBeInstanceOf(Int32Array);
    expect([...lists[1]!]).toEqual(long);
    expect(lists[7]).toEqual([1]);
  });
});
