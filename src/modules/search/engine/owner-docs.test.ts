import { describe, expect, it } from 'vitest';
import { OwnerDocs } from './owner-docs.ts';

describe('OwnerDocs', () => {
  it('keeps each source’s owners apart, one number alone or several', () => {
    const owners = new OwnerDocs();
    owners.add('', 'org-1', 0);
    owners.add('', 'org-1', 3);
    owners.add('', 'org-2', 1);
    owners.add('events', 'org-1', 2);
    expect(owners.get('', 'org-1')).toEqual([0, 3]);
    expect(owners.get('events', 'org-1')).toEqual([2]);
    expect(owners.get('events', 'org-2')).toEqual([]);
    expect(owners.owners('')).toEqual(['org-1', 'org-2']);
    expect([...owners.numbers('')].sort()).toEqual([0, 1, 3]);
    expect([...owners.entries()]).toEqual([
      ['', 'org-1', [0, 3]],
      ['', 'org-2', [1]],
      ['events', 'org-1', [2]],
    ]);
  });

  it('forgets an owner’s documents and gives their numbers, and a source with none left', () => {
    const owners = new OwnerDocs();
    owners.add('events', 'e-1', 5);
    owners.add('', 'org-1', 0);
    owners.add('', 'org-1', 1);
    expect(owners.delete('', 'org-1')).toEqual([0, 1]);
    expect(owners.delete('', 'org-1')).toEqual([]);
    expect(owners.delete('events', 'e-1')).toEqual([5]);
    expect(owners.owners('events')).toEqual([]);
    expect([...owners.entries()]).toEqual([]);
  });
});
