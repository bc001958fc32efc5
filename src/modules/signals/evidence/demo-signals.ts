// Demo need signals, so that the evidence map of a demo start is not empty: made-up, no text, no
// person; each signalled by a demo organisation (organisations.is_demo), which is what marks them as
// demo. Loaded once, with the demo directory, into a database without signals. Deterministic: the
// same signals at every load, spread over the eighteen months before `now`, more often in the
// quartiers with more residents and around a few themes, as field reports describe.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Database } from '../../../db/client.ts';
import { listOrganisationRows } from '../../directory/index.ts';
import { geoReference } from '../../geo/index.ts';
import { needSignals } from '../signals.schema.ts';
import { peopleBands, targetGroups } from '../signals.vocabulary.ts';
import { residents } from './evidence-places.ts';

/** Themes and how often the demo names them (the others now and then). */
const themeWeights: Record<string, number> = {
  housing: 10,
  food: 7,
  income: 6,
  homelessness: 5,
  'mental-health': 4,
  health: 3,
  residence: 3,
  digital: 3,
  youth: 2,
  family: 2,
  legal: 2,
  work: 2,
};
const otherThemes = [
  'disability',
  'seniors',
  'education',
  'encounter',
  'social-support',
  'violence',
  'mobility',
];

export async function loadDemoSignals(db: Database, now: Date, count = 2_400): Promise<number> {
  const [{ n } = { n: 0 }] = (
    await db.execute<{ n: number }>(sql`select count(*)::int as n from ${needSignals}`)
  ).rows;
  if (n > 0) return 0;
  const organisations = (await listOrganisationRows(db, { page: 1, perPage: 100 })).items.filter(
    (o) => o.isDemo,
  );
  if (!organisations.length) return 0;
  let seed = 20_261_204;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(items: readonly T[], weight: (item: T) => number): T => {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let at = random() * total;
    for (const item of items) if ((at -= weight(item)) < 0) return item;
    return items[items.length - 1]!;
  };
  const quartiers = geoReference().quartiers.filter(
    (q) => (residents({ level: 'quartier', code: String(q.code) }) ?? 0) > 0,
  );
  const themes = [...Object.keys(themeWeights), ...otherThemes];
  const today = DateTime.fromJSDate(now, { zone: 'Europe/Brussels' }).startOf('day');
  const rows: (typeof needSignals.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const quartier = pick(quartiers, (q) => residents({ level: 'quartier', code: String(q.code) })!);
    const first = pick(themes, (t) => themeWeights[t] ?? 0.5);
    const second = random() < 0.3 ? pick(themes, (t) => themeWeights[t] ?? 0.5) : first;
    // Later months a little busier, so that some needs rise.
    const daysAgo = Math.floor(548 * (1 - Math.sqrt(random())));
    rows.push({
      id: randomUUID(),
      organisationId: organisations[Math.floor(random() * organisations.length)]!.id,
      origin: 'member',
      status: 'published',
      themeCodes: first === second ? [first] : [first, second],
      communeNis: quartier.communeNis,
      // One in six says only the commune.
      quartierCode: random() < 1 / 6 ? null : quartier.code,
      targetGroup: targetGroups[Math.floor(random() * targetGroups.length)]!,
      peopleBand: peopleBands[Math.floor(random() * 3)]!,
      seenOn: today.minus({ days: daysAgo }).toISODate()!,
    });
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(needSignals).values(rows.slice(i, i + 500));
  return rows.length;
}
