import { describe, expect, it } from 'vitest';
import { otherDoc } from '../other-doc.ts';
import { SharedValues, sameValue } from './shared-values.ts';

const doc = (communes: string[], themes: string[] = []) =>
  otherDoc({
    type: 'event',
    id: communes.join(),
    title: { en: 'x' },
    text: {},
    path: '/x',
    communes,
    themes,
  });

describe('SharedValues', () => {
  it('gives documents with equal lists one frozen copy, and keeps other lists apart', () => {
    const shared = new SharedValues();
    const a = shared.share(doc(['21004', '21001']));
    const b = shared.share(doc(['21004', '21001']));
    const c = shared.share(doc(['21001', '21004']));
    expect(a.communes).toBe(b.communes);
    expect(a.communes).not.toBe(c.communes);
    expect(c.communes).toEqual(['21001', '21004']);
    expect(Object.isFrozen(a.communes)).toBe(true);
    expect(() => (a.communes as string[]).push('21015')).toThrow(TypeError);
    expect(a.quartiers).toBe(c.quartiers);
    expect(a.organisationName).toBe(c.organisationName);
  });

  it('freezes the objects in a list (hours, points)', () => {
    const shared = new SharedValues();
    const d = doc([]);
    d.weekly = [{ start: 540, end: 1020, validFrom: null, validTo: null }];
    const e = structuredClone(d);
    shared.share(d);
    shared.share(e);
    expect(e.weekly).toBe(d.weekly);
    expect(() => {
      d.weekly[0]!.end = 0;
    }).toThrow(TypeError);
  });

  it('starts afresh past its limit; documents keep what they share', () => {
    const shared = new SharedValues(2);
    const a = shared.share(doc(['1']));
    shared.share(doc(['2']));
    shared.share(doc(['3']));
    const again = shared.share(doc(['1']));
    expect(again.communes).toEqual(a.communes);
    expect(again.communes).not.toBe(a.communes);
    expect(a.communes).toEqual(['1']);
  });

  it('tells apart values whose hashes are the same', () => {
    const shared = new SharedValues(200_000, () => 7);
    const a = shared.share(doc(['1'], ['t']));
    const b = shared.share(doc(['2'], ['t']));
    const c = shared.share(doc(['1'], ['u']));
    expect([a.communes, b.communes, c.communes, a.themes, c.themes]).toEqual([
      ['1'],
      ['2'],
      ['1'],
      ['t'],
      ['u'],
    ]);
    expect(c.communes).toBe(a.communes);
    expect(b.themes).toBe(a.themes);
    expect(shared.share(doc(['2'], ['u'])).communes).toBe(b.communes);
  });

  it('compares values as their JSON did: lists in order, objects with their keys in order', () => {
    expect(sameValue([{ a: 1, b: [2] }], [{ a: 1, b: [2] }])).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameValue({ a: null }, { a: undefined })).toBe(false);
    expect(sameValue([[]], [{}])).toBe(false);
  });
});
