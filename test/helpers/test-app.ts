// Builds the real HTTP app on a fresh test database: tests go through app.inject or a real port.
import type { FastifyInstance } from 'fastify';
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
