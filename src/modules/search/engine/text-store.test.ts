// The descriptions' store (text-store.ts): what is set is given back, in any script, removed texts are
// let go, and a view or a staged text keeps its bytes whatever the store does after.
import { describe, expect, it } from 'vitest';
import { parseText, TextStore } from './text-store.ts';

const text = (i: number, pad = 0) => ({
  en: `Help ${i}`,
  fr: `Aide ${i} — été ${'x'.repeat(pad)}`,
  ar: `مساعدة ${i} 🤝`,
});
const decoded = (bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe('the text store', () => {
  it('gives back each text set, from JSON or from bytes, and a fallback for none', () => {
    const store = new TextStore();
    store.set(0, JSON.stringify(text(0)));
    const bytes = Buffer.from(`xx${JSON.stringify(text(2))}yy`);
    store.assign(2, store.stage(bytes, 2, bytes.length - 2));
    // Longer than a chunk: a chunk of its own.
    store.set(3, JSON.stringify(text(3, 3 << 20)));
    expect(store.get(0)).toEqual(text(0));
    expect(store.get(2)).toEqual(text(2));
    expect(store.get(3)).toEqual(text(3, 3 << 20));
    expect(store.get(1)).toEqual({});
    expect(store.get(5000)).toEqual({});
    expect(store.bytesOf(1)).toHaveLength(0);
    expect(store.bytes).toEqual({ live: size(text(0)) + size(text(2)) + size(text(3, 3 << 20)), unused: 0 });
  });

  it('replaces and deletes, and lets removed texts go while keeping every live one', () => {
    const store = new TextStore();
    const live = new Map<number, unknown>();
    let compacted = false;
    for (let round = 0; round < 40; round++) {
      for (let n = 0; n < 500; n++) {
        if ((n + round) % 7 === 0) {
          store.delete(n);
          live.delete(n);
        } else if ((n * round) % 3 === 0) {
          const value = text(n, 1000 + ((n * round) % 2000));
          const before = store.bytes.unused;
          store.set(n, JSON.stringify(value));
          live.set(n, value);
          if (store.bytes.unused < before) compacted = true;
        }
      }
    }
    expect(compacted).toBe(true);
    for (let n = 0; n < 500; n++) expect(store.get(n)).toEqual(live.get(n) ?? {});
    expect(store.bytes.live).toBe([...live.values()].reduce<number>((sum, v) => sum + size(v), 0));
    expect(store.bytes.unused).toBeLessThanOrEqual(Math.max(4 << 20, store.bytes.live));
  });

  it('reads no text from bytes that are not a text', () => {
    for (const bad of ['', '{"en":', '[1]', 'null', '"x"'])
      expect(parseText(Buffer.from(bad)), bad).toEqual({});
    expect(parseText(Buffer.from('{"nl":"Hulp"}'))).toEqual({ nl: 'Hulp' });
  });

  it('keeps the bytes of a view or a staged text through replacements and removed texts let go', () => {
    const store = new TextStore();
    store.set(0, JSON.stringify(text(0)));
    const view = store.bytesOf(0);
    const bytes = Buffer.from(JSON.stringify(text(7)));
    const staged = store.stage(bytes, 0, bytes.length);
    store.set(0, JSON.stringify(text(1)));
    store.delete(0);
    // Enough texts replaced to let removed ones go several times.
    for (let round = 0; round < 12; round++)
      for (let n = 1; n < 1000; n++) store.set(n, JSON.stringify(text(n + round, 1000)));
    store.assign(5000, staged);
    expect(decoded(view)).toEqual(text(0));
    expect(store.get(5000)).toEqual(text(7));
    expect(store.get(999)).toEqual(text(999 + 11, 1000));
  });
});
