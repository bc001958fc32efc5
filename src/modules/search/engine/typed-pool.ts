// Typed arrays reused from one search to the next. A search's working arrays (the documents each
// word found, their scores, the order of the matches, the pass's results) were new arrays every
// time, tens of them and up to megabytes each on a broad query. Each new typed array's memory is
// outside V8's heap, allocated and registered one by one, and above 128 KB it is
// freshly mapped memory whose pages the kernel fills with zeros on first touch: on the 2-core bench
// machine (busy) a 128 KB typed array took 0.2 ms to make and an 8 KB one 19 µs, against 0.4 µs to clear
// one kept, and a CPU profile of the uncached search pass spent about 7% of its time making them.
// Arrays taken here are given back when the search is done with them and taken again by the next
// one: 5% less CPU on broad prefix queries over 100,000 documents (interleaved runs).
//
// Sizes are powers of two (an array may be longer than asked: callers keep their own length), and
// what is kept is bounded, so an idle process holds at most `keptBytes` per element type.

type Typed = Int32Array | Float64Array | Uint32Array | Uint8Array;

/** What the pool keeps of one element type, at most, in bytes (a broad search's arrays fit). */
const keptBytes = 4 * 2 ** 20;
/** Below this many elements an array is cheap to make (V8 keeps it in its own heap): not pooled. */
const smallest = 16;

export class TypedPool<T extends Typed> {
  /** Free arrays by size class (log2 of their length). */
  private readonly free: T[][] = [];
  private held = 0;

  constructor(private readonly make: (length: number) => T) {}

  /** An array of at least `length` elements, of any content. */
  take(length: number): T {
    const size = Math.max(length, smallest);
    const sizeClass = 32 - Math.clz32(size - 1);
    const array = this.free[sizeClass]?.pop();
    if (!array) return this.make(2 ** sizeClass);
    this.held -= array.byteLength;
    return array;
  }

  /** The same, all zeros. */
  takeZeroed(length: number): T {
    const array = this.take(length);
    array.fill(0, 0, length);
    return array;
  }

  /** An array taken here that its user no longer reads nor writes (others are let go). */
  give(array: Typed): void {
    const { length } = array;
    if (length < smallest || length & (length - 1) || this.held + array.byteLength > keptBytes) return;
    (this.free[31 - Math.clz32(length)] ??= []).push(array as T);
    this.held += array.byteLength;
  }
}

export const int32s = new TypedPool((n) => new Int32Array(n));
export const float64s = new TypedPool((n) => new Float64Array(n));
export const uint32s = new TypedPool((n) => new Uint32Array(n));
