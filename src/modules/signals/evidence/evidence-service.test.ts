// The service's builds on a real database: a refresh asked while a build is running waits for a
// build that starts after it, since the running one may have read the tables before the caller's change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import type { EvidenceCount, EvidenceQuery } from '../evidence-source.ts';
import { EvidenceService } from './evidence-service.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
});
afterAll(() => database?.drop());

const signals = (count: number): EvidenceCount => ({
  source: 'signals',
  themeCode: 'housing',
  communeNis: '21012',
  quartierCode: null,
  month: '2026-01',
  count,
  keySum: 17,
});

describe('EvidenceService.refresh', () => {
  it('gives a caller who asks during a build the next build, one for all who asked meanwhile', async () => {
    // The source's first read is held until released, and sees no signal; later reads see 40.
    let reads = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const source: EvidenceQuery = async () => {
      const read = ++reads;
      if (read === 1) await held;
      return read === 1 ? [] : [signals(40)];
    };
    const service = new EvidenceService(database.db, {
      sources: [source],
      keySecret: 'test',
      now: () => new Date('2026-06-15T12:00:00Z'),
      timer: false,
    });
    const first = service.refresh();
    const second = service.refresh();
    const third = service.refresh();
    release();
    const total = (counts: Int32Array) => counts.reduce((a, b) => a + b, 0);
    expect(total((await first).cube.counts)).toBe(0);
    const next = await second;
    expect(await third).toBe(next);
    expect(total(next.cube.counts)).toBeGreaterThan(0);
    expect(reads).toBe(2);
    await service.close();
  });
});
