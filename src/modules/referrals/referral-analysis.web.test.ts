// The analysts' figures through the real HTTP app: complete months that never change afterwards and
// of the month in progress only the number sent (so that looking every day shows no single referral),
// quartiers as well as communes, and the CSV export, hiding the same cells as the page so that no
// hidden count comes back by subtracting one table, or one row, from another.
import { beforeAll, describe, expect, it } from 'vitest';
import { sendReferral, useReferralWorld } from '../../../test/helpers/referrals.ts';
import { geoReference } from '../geo/index.ts';

const world = useReferralWorld({
  sender: { in: 'orgC', roles: ['referrer'] },
  receiver: { in: 'orgB', roles: ['referrer'] },
  analyst: { in: 'orgC', roles: ['editor'], platformRole: 'analyst' },
});
const [q1, q2] = geoReference().quartiers.filter((q) => q.communeNis === '21009');

beforeAll(async () => {
  /** A referral from C to B for a person living in this quartier. */
  const refer = (quartier: number) =>
    sendReferral(world.sender, { ...world, orgA: world.orgC }, { commune: '', quartier: String(quartier) });
  const declined = async (quartier: number, reason = 'no_capacity') => {
    const id = await refer(quartier);
    await world.receiver.get(`/en/referrals/${id}`);
    await world.receiver.post(`/en/referrals/${id}/decline`, { reason });
    return id;
  };
  // Last month: 5 declined for lack of capacity in one quartier of Ixelles, 2 in another.
  const lastMonth: string[] = [];
  for (const [quartier, count] of [
    [q1!.code, 5],
    [q2!.code, 2],
  ] as const)
    for (let i = 0; i < count; i++) lastMonth.push(await declined(quartier));
  await world.sql(
    `update referrals set sent_at = sent_at - interval '1 month', closed_at = closed_at - interval '1 month',
       created_at = created_at - interval '1 month' where id = any($1)`,
    [lastMonth],
  );
  // Today: 5 more declined in the first quartier, and one still waiting.
  for (let i = 0; i < 5; i++) await declined(q1!.code);
  await refer(q1!.code);
  // Sent last month, declined today: it joins last month's figures only when this month is over.
  const late = await refer(q2!.code);
  await world.sql(`update referrals set sent_at = sent_at - interval '1 month' where id = $1`, [late]);
  await world.receiver.get(`/en/referrals/${late}`);
  await world.receiver.post(`/en/referrals/${late}/decline`, { reason: 'not_eligible' });
});

const tableOf = (html: string, id: string) =>
  new RegExp(`<caption id="${id}-caption">[\\s\\S]*?</table>`).exec(html)![0];

/** The CSV as rows of fields: split on commas outside quotes, then unquoted. */
const parse = (csv: string) =>
  csv
    .trim()
    .split('\r\n')
    .map((line) =>
      line
        .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
        .map((f) => (f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f)),
    );

describe('the analysis of referrals', () => {
  it('counts decisions in the month they were taken, and of this month only the referrals sent', async () => {
    const page = (await world.analyst.get('/en/analysis/referrals')).body;
    // This month: 6 sent so far; not when or how they ended, nor their theme or place.
    expect(tableOf(page, 'so-far')).toMatch(/\(so far\)<\/th><td>6<\/td><\/tr>/);
    // Last month's 7, not today's 5, nor the one sent last month and declined today.
    const months = tableOf(page, 'unmet-month');
    expect(months).not.toContain('(so far)');
    expect(months).toMatch(/<\/th><td>7<\/td><td>0<\/td>/);
    expect(tableOf(page, 'unmet-commune')).toMatch(/Ixelles<\/th><td>7<\/td><td>0<\/td>/);
  });

  it('shows quartiers, hiding a small one and its partner so the commune gives neither away', async () => {
    const page = (await world.analyst.get('/en/analysis/referrals')).body;
    expect(tableOf(page, 'unmet-commune')).toMatch(/Ixelles<\/th><td>7<\/td>/);
    const quartiers = tableOf(page, 'unmet-quartier');
    // 7 in Ixelles = 5 + 2: showing the 5 would give the 2 away.
    expect(quartiers.match(/\(Ixelles\)<\/th><td>fewer than 5<\/td>/g)).toHaveLength(2);
    expect(quartiers).not.toContain('<td>5</td>');
    expect(page).not.toMatch(/<td>[1-4]<\/td>/);
  });

  it('exports the same protected tables as CSV, for analysts only', async () => {
    const res = await world.analyst.get('/en/analysis/referrals.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="referrals-\d{4}-\d\d-\d{4}-\d\d\.csv"$/,
    );
    const [header, ...rows] = parse(res.body);
    expect(header).toEqual(['table', 'row_code', 'row', 'column_code', 'column', 'count']);
    const cell = (table: string, row: string, column: string) =>
      rows.find((r) => r[0] === table && r[1] === row && r[3] === column)?.[5];
    expect(cell('unmet_by_commune', '21009', 'no_capacity')).toBe('7');
    expect(cell('unmet_by_quartier', `q:${q1!.code}`, 'no_capacity')).toBe('hidden');
    expect(cell('unmet_by_quartier', `q:${q2!.code}`, 'no_capacity')).toBe('hidden');
    expect(rows.filter((r) => r[0] === 'month_in_progress').map((r) => [r[1], r[3], r[5]])).toEqual([
      ['so_far', 'sent', '6'],
    ]);
    expect(
      rows.filter((r) => r[0] === 'unmet_by_month' && r[3] === 'no_capacity').map((r) => r[5]),
    ).toContain('7');

    // No count from 1 to 4, and no column of a table with exactly one hidden cell.
    expect(rows.filter((r) => /^[1-4]$/.test(r[5]!))).toEqual([]);
    const hiddenPerColumn = new Map<string, number>();
    for (const r of rows.filter((x) => x[5] === 'hidden')) {
      const key = `${r[0]}/${r[3]}`;
      hiddenPerColumn.set(key, (hiddenPerColumn.get(key) ?? 0) + 1);
    }
    expect([...hiddenPerColumn.values()].filter((n) => n === 1)).toEqual([]);

    expect((await world.receiver.get('/en/analysis/referrals.csv')).statusCode).toBe(404);
  });
});
