// What modules declare in module.ts holds together: names match folders, error codes have their
// messages in the declaring module, no two modules claim one code, and every table in the migrated
// database is owned by exactly one module (or is the plumbing's).
import { readdirSync } from 'node:fs';
import { getTableName } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rateLimits } from '../src/db/infrastructure.schema.ts';
import * as schema from '../src/db/schema.ts';
import { tablesOf } from '../src/db/tables.ts';
import { catalogues } from '../src/i18n/index.ts';
import { modules } from '../src/modules/index.ts';
import { AppError, errorMessageKey, kernelErrors } from '../src/shared/errors.ts';
import { createTestDatabase } from './helpers/test-database.ts';

describe('module manifests', () => {
  it('list every module folder once, named as its folder', () => {
    const folders = readdirSync(new URL('../src/modules/', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(modules.map((m) => m.name).sort()).toEqual(folders);
  });

  it('declare error codes whose message and title are in the declaring module’s messages', () => {
    const declared = modules.flatMap((m) =>
      Object.keys(m.errors ?? {}).map((code) => ({ module: m.name, code })),
    );
    expect(declared.length).toBeGreaterThan(0);
    for (const { module, code } of declared) {
      expect(code in kernelErrors, code).toBe(false);
      const key = errorMessageKey(code as never);
      expect(key).toBe(`${module}.errors.${code}`);
      expect(catalogues.en[key], key).toBeTypeOf('string');
      expect(catalogues.en[`${key}.title`], `${key}.title`).toBeTypeOf('string');
      expect(new AppError(code as never).status).toBe(modules.find((m) => m.name === module)!.errors![code]);
    }
    // Every "<module>.errors.<CODE>" message belongs to a declared code, and every kernel code has one.
    const errorKeys = Object.keys(catalogues.en).filter((key) => /^(\w+\.)?errors\.[A-Z_]+$/.test(key));
    const expected = [
      ...declared.map((d) => `${d.module}.errors.${d.code}`),
      ...Object.keys(kernelErrors).map((c) => `errors.${c}`),
    ];
    expect(errorKeys.sort()).toEqual(expected.sort());
  });

  it('own every table of the migrated database, each table once', async () => {
    const database = await createTestDatabase({ demo: false });
    try {
      const rows = await database.pool.query<{ name: string }>(
        `select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'`,
      );
      const owned = modules.flatMap((m) => (m.tables ?? []).map((table) => getTableName(table)));
      expect(new Set(owned).size).toBe(owned.length);
      const all = [...owned, getTableName(rateLimits)].sort();
      expect(all).toEqual(rows.rows.map((r) => r.name).sort());
      // Drizzle's typed queries know every table through db/schema.ts.
      expect(
        tablesOf(schema)
          .map((table) => getTableName(table))
          .sort(),
      ).toEqual(all);
    } finally {
      await database.drop();
    }
  });
});
