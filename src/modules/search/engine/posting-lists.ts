// The words index's posting lists (term-index.ts) written through one door, so that each list grown
// by a push is later copied to an array of exactly its length. V8 grows an array by half its size
// plus 16 slots on a push: a list of one posting, the most common kind (most terms are rare), holds
// 17 slots of 8 bytes, 184 bytes in all against 56 for an exact copy (Array.prototype.slice). At
// 100,000 documents the lists are hundreds of thousands, most of them short.
// A long list is packed into an Int32Array once the index is still: 4 bytes a posting rather than
// 8, outside V8's heap, where no collection marks or moves it. At 50,000 services + 50,000 other
// documents the plain arrays held 65 MB of the idle heap, nearly all of it in lists of hundreds or
// thousands. A short list stays a plain array, as a typed array's own objects cost a few hundred
// bytes. Packing waits for quiet (or is asked for after a load, `pack`): a packed list that grows
// is unpacked, and packing each copy round under a stream of changes (the bench's seeding of 100,000
// questions) unpacked and packed every common term's list every 2 s, which slowed every page. A
// snapshot load writes its long lists packed at once (`lengthenPacked`).
// The copying runs a while after the first change, a slice of lists at a time, giving the event
// loop back in between; each list is replaced whole within one turn, and searches read a list
// within one turn (term-match.ts), so they see either copy.

import { nextTurn } from '../../../shared/turns.ts';

/** A term's postings in one field: a plain array while it grows, a typed one once long and still. */
export type PostingList = number[] | Int32Array;

/** From this length a list still is kept as an Int32Array (its fixed cost, ~300 bytes, then pays). */
export const packedFrom = 64;

export class PostingLists {
  /** Per list index: 1 when the list was pushed to since it was last copied. */
  private grown = new Uint8Array(1024);
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private packTimer: ReturnType<typeof setTimeout> | undefined;
  private compacting = false;
  private packing: Promise<void> | undefined;
  /** When a list last started growing (performance.now()). */
  private lastGrowthAt = 0;

  constructor(
    /** The lists themselves, by term id and field, as term-match reads them. */
    private readonly lists: (PostingList | undefined)[],
    /** How long after a list grew the copying starts: changes come in bursts (a start, an import). */
    private readonly delayMs = 2_000,
    /** How long no list may have grown before the long ones are packed. */
    private readonly quietMs = 30_000,
  ) {}

  /**
   * The list at `i` (made when missing, unpacked when packed) to push postings to; it is copied to
   * its length later.
   */
  toGrow(i: number): number[] {
    if (i >= this.grown.length) {
      const grown = new Uint8Array(Math.max(i + 1, this.grown.length * 2));
      grown.set(this.grown);
      this.grown = grown;
    }
    if (!this.grown[i]) {
      this.grown[i] = 1;
      this.pending++;
      this.lastGrowthAt = performance.now();
      this.later();
    }
    const list = this.lists[i];
    if (list instanceof Int32Array) return (this.lists[i] = unpacked(list));
    return (this.lists[i] ??= []) as number[];
  }

  /**
   * The list at `i` as a packed list `more` postings longer, for the caller to write them at its end
   * (its postings so far stay in front): a snapshot load's long lists, and what it adds to a packed
   * one, go straight to their final form, where pushing them one by one made plain arrays (240 MB
   * at 100,000 documents) that were copied to their length and packed after. A list that several
   * sources add to gets room for twice its length, a view of a longer array: `pack` trims it.
   */
  lengthenPacked(i: number, more: number): Int32Array {
    const list = this.lists[i];
    const length = list?.length ?? 0;
    let out: Int32Array;
    if (list instanceof Int32Array && list.byteOffset === 0 && list.buffer.byteLength >= 4 * (length + more))
      out = new Int32Array(list.buffer, 0, length + more);
    else {
      out = new Int32Array(new ArrayBuffer(4 * (length ? 2 * (length + more) : more)), 0, length + more);
      if (list) out.set(list);
    }
    this.lists[i] = out;
    this.lastGrowthAt = performance.now();
    return out;
  }

  /** Whether the list at `i` is packed. */
  isPacked(i: number): boolean {
    return this.lists[i] instanceof Int32Array;
  }

  private later(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.compact();
    }, this.delayMs).unref();
  }

  /** Lists grown and not copied to their length yet. */
  get waiting(): number {
    return this.pending;
  }

  /** Copies every grown list to a plain array of its length, a few milliseconds at a time. */
  async compact(sliceMs = 4): Promise<void> {
    if (this.compacting) return;
    this.compacting = true;
    try {
      let started = performance.now();
      for (let i = 0; i < this.grown.length && this.pending; i++) {
        if (!this.grown[i]) continue;
        this.grown[i] = 0;
        this.pending--;
        const list = this.lists[i];
        if (Array.isArray(list) && list.length) this.lists[i] = list.slice();
        if ((i & 1023) === 0 && performance.now() - started > sliceMs) {
          await nextTurn();
          started = performance.now();
        }
      }
    } finally {
      this.compacting = false;
    }
    // Lists grown behind the loop while it gave the event loop back wait for the next round.
    if (this.pending) this.later();
    this.packWhenQuiet();
  }

  private packWhenQuiet(wait = this.quietMs): void {
    this.packTimer ??= setTimeout(() => {
      this.packTimer = undefined;
      const quietFor = performance.now() - this.lastGrowthAt;
      if (quietFor < this.quietMs) this.packWhenQuiet(this.quietMs - quietFor);
      else void this.pack();
    }, wait).unref();
  }

  /**
   * Packs every long plain list into an Int32Array (one still growing is unpacked again) and trims
   * packed ones with room to spare, a few milliseconds at a time: by itself once no list grew for
   * `quietMs`, or when asked (after a load).
   */
  async pack(sliceMs = 4): Promise<void> {
    // One under way may have passed lists made since (a load's): this one goes over all of them after it.
    while (this.packing) await this.packing;
    this.packing = this.packAll(sliceMs).finally(() => (this.packing = undefined));
    return this.packing;
  }

  private async packAll(sliceMs: number): Promise<void> {
    let started = performance.now();
    for (let i = 0; i < this.lists.length; i++) {
      const list = this.lists[i];
      if (Array.isArray(list) && list.length >= packedFrom) this.lists[i] = Int32Array.from(list);
      // A view of a longer array (lengthenPacked): a copy of its length.
      else if (list instanceof Int32Array && list.byteLength < list.buffer.byteLength)
        this.lists[i] = list.slice();
      if ((i & 1023) === 0 && performance.now() - started > sliceMs) {
        await nextTurn();
        started = performance.now();
      }
    }
  }
}

/** A plain array of a packed list's postings (a loop: Array.from iterates, several times slower). */
function unpacked(list: Int32Array): number[] {
  const out: number[] = [];
  for (let k = 0; k < list.length; k++) out.push(list[k]!);
  return out;
}
