// `npm run places:check` as a process against a test database: it lists the places whose commune
// does not match their postcode, changes nothing without --fix, and with --fix places again only
// those the postcode decides, each with a version in the listing's history.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database.ts';
import { allowSlowTests } from '../../test/helpers/slow-tests.ts';

allowSlowTests();

const root = new URL('../..', import.meta.url).pathname;
let database: TestDatabase;
let orgId: string;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const { rows } = await database.pool.query(`select id from organisations order by provenance_id limit 1`);
  orgId = rows[0].id;
});
afterAll(() => database.drop());

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/check-places.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn', TILE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout.on('data', (chunk) => (output += chunk));
    proc.stderr.on('data', (chunk) => (output += chunk));
    proc.on('exit', (code) => resolve({ code, output }));
  });
}

async function place(
  address: string,
  postcode: string,
  at: [number, number] | null,
  communeNis: string | null,
  placement: string | null,
) {
  const { rows } = await database.pool.query(
    `insert into locations (organisation_id, address, postcode, latitude, longitude, commune_nis, placement)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [orgId, address, postcode, at?.[0] ?? null, at?.[1] ?? null, communeNis, placement],
  );
  return rows[0].id as string;
}

const row = async (id: string) =>
  (
    await database.pool.query(
      `select commune_nis, quartier_code, latitude, longitude, placement from locations where id = $1`,
      [id],
    )
  ).rows[0];

describe('npm run places:check', () => {
  it('lists places whose commune does not match their postcode, and fixes those the postcode decides', async () => {
    const auderghem: [number, number] = [50.80621, 4.45203];
    // Placed by the old one-point-per-street guess: the postcode 1050 was ignored.
    const wavre = await place('Chaussée de Wavre 50', '1050', auderghem, '21002', null);
    const noCommune = await place('Zennestraat 12', '1000', null, null, null);
    const unknown = await place('Rue Imaginaire 3', '1000', auderghem, '21002', null);
    const given = await place('Rue de la Senne 12', '1000', auderghem, '21002', 'coordinates');
    const before = await Promise.all([wavre, noCommune, unknown, given].map(row));

    const listed = await run([]);
    expect(listed.code, listed.output).toBe(0);
    for (const id of [wavre, noCommune, unknown, given]) expect(listed.output).toContain(id);
    expect(listed.output).toContain('the street is not in the street list');
    expect(listed.output).toContain('a person gave this position');
    const lineOf = (id: string) => listed.output.split('\n').find((l) => l.startsWith(id)) ?? '';
    // Saved before placements were recorded: fixed, and the line says so.
    expect(lineOf(wavre)).toContain('[placed before 0012: --fix keeps the old position in its history]');
    expect(lineOf(unknown)).not.toContain('placed before 0012');
    expect(lineOf(given)).not.toContain('placed before 0012');
    expect(listed.output).toContain(
      '4 places do not match their postcode; 2 can be placed again with --fix.',
    );
    // The demo places all match their postcode.
    expect(listed.output.split('\n').filter((l) => / \| commune /.test(l))).toHaveLength(4);
    expect(await Promise.all([wavre, noCommune, unknown, given].map(row))).toEqual(before);

    const fixed = await run(['--fix']);
    expect(fixed.code, fixed.output).toBe(0);
    expect(fixed.output).toContain('placed again: 2.');
    expect(await row(wavre)).toMatchObject({ commune_nis: '21009' });
    expect(await row(noCommune)).toMatchObject({ commune_nis: '21004', placement: 'postcode' });
    expect((await row(noCommune)).quartier_code).not.toBeNull();
    expect(await row(unknown)).toEqual(before[2]);
    expect(await row(given)).toEqual(before[3]);
    const { rows: versions } = await database.pool.query(
      `select record_id, actor_id, changes from listing_versions where record_id = any($1) order by id`,
      [[wavre, noCommune]],
    );
    expect(versions).toHaveLength(2);
    const wavreVersion = versions.find((v) => v.record_id === wavre);
    expect(wavreVersion.actor_id).toBeNull();
    expect(wavreVersion.changes.communeNis).toEqual({ before: '21002', after: '21009' });

    const again = await run([]);
    expect(again.output).toContain('2 places do not match their postcode; 0 can be placed again with --fix.');

    const usage = await run(['--everything']);
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('Usage: npm run places:check');
  });
});
