// Builds the real HTTP app on a fresh test database: tests go through app.inject or a real port.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { generateKey, parseKeyRing } from '../../src/shared/field-encryption.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/** One key ring per test process: tests that read raw tables must not find plaintext. */
const testKeys = parseKeyRing(generateKey('test'));

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', TILE_URL: '', JOBS: 'false' }, []),
    encryptionKeys: testKeys,
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { demo?: boolean; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase({ demo: options.demo ?? true });
  const app = await buildApp(testConfig(options.config), database, { logger: false });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** A file's one app: built before its tests, closed after them; `t` reads the one built. */
export function useTestApp(options: Parameters<typeof createTestApp>[0] = {}) {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await createTestApp(options);
  });
  afterAll(() => current?.close());
  const t = (): TestApp => {
    if (!current) throw new Error('The test app is built in beforeAll: use it inside a test or hook');
    return current;
  };
  return {
    get t() {
      return t();
    },
    /** A plain GET through the app. */
    get: (url: string, headers: Record<string, string> = {}) =>
      t().app.inject({ method: 'GET', url, headers }),
  };
}
