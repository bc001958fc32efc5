// Funding calls at scale: calls of every funder, published by the moderators or the database's
// organisations, titles and summaries in one or two of nl, fr and en from small template lists, zero
// to three themes, all Brussels or one to three communes, informal groups eligible or not, a KBO
// number required now and then, amount ranges, opening in the past or ahead and deadlines from a
// week ago to eighteen months ahead (nine in ten published). Terms computed as call-terms.ts does,
// once per template. All of it is bench data: the titles say so, and is_demo. run.ts seeds a first
// set before the search figures through the same function, all published, with its own random seed.
import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Database } from '../src/db/client.ts';
import { themeCodes } from '../src/modules/directory/index.ts';
import { callTerms } from '../src/modules/exchange/calls/call-terms.ts';
import { exchangeCalls } from '../src/modules/exchange/calls/calls.schema.ts';
import { funders } from '../src/modules/exchange/calls/calls.vocabulary.ts';
import { geoReference } from '../src/modules/geo/index.ts';
import type { I18nText } from '../src/shared/i18n-text.ts';
import { random } from './random.ts';

const subjects = {
  nl: [
    'sociale cohesie',
    'jeugdwerk',
    'buurtprojecten',
    'armoedebestrijding',
    'taalondersteuning',
    'cultuur',
  ],
  fr: [
    'cohésion sociale',
    'jeunesse',
    'projets de quartier',
    'lutte contre la pauvreté',
    'soutien linguistique',
    'culture',
  ],
  en: [
    'social cohesion',
    'youth work',
    'neighbourhood projects',
    'fighting poverty',
    'language support',
    'culture',
  ],
} as const;
const call = { nl: 'Projectoproep', fr: 'Appel à projets', en: 'Call for projects' } as const;
const day = 86_400_000;

export async function seedCalls(
  db: Database,
  { calls = 5_000, publishedShare = 0.9, seed = 23 } = {},
): Promise<{ calls: number; seconds: number }> {
  const started = performance.now();
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const some = <T>(list: readonly T[], min: number, max: number) => {
    const n = min + Math.floor(rand() * (max - min + 1));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const organisations = (
    await db.execute<{ id: string }>(sql`select id from organisations limit 200`)
  ).rows.map((r) => r.id);
  const communes = geoReference().communes.map((c) => c.nis);
  const now = Date.now();
  const terms = new Map<string, string[]>();
  const batch = 1_000;
  for (let done = 0; done < calls; done += batch) {
    const rows: PgInsertValue<typeof exchangeCalls>[] = [];
    for (let i = done; i < Math.min(calls, done + batch); i++) {
      const s = Math.floor(rand() * subjects.nl.length);
      const langs = some(['nl', 'fr', 'en'] as const, 1, 2);
      const title: I18nText = Object.fromEntries(
        langs.map((l) => [l, `${call[l]} ${subjects[l][s]} (bench ${i})`]),
      );
      const summary: I18nText = Object.fromEntries(langs.map((l) => [l, 'Bench data.']));
      const themes = some(themeCodes, 0, 3);
      const key = `${s}|${langs.join(',')}|${themes.join(',')}`;
      let found = terms.get(key);
      if (!found)
        terms.set(
          key,
          (found = callTerms({
            title: Object.fromEntries(langs.map((l) => [l, `${call[l]} ${subjects[l][s]}`])),
            summary: {},
            themes,
          })),
        );
      const allBrussels = rand() < 0.6;
      const closes = now + Math.floor((rand() * 555 - 7) * day);
      const opens = closes - Math.floor((30 + rand() * 150) * day);
      const min = rand() < 0.5 ? Math.floor(rand() * 10) * 1_000 : null;
      const max = rand() < 0.7 ? (min ?? 0) + Math.floor(1 + rand() * 100) * 1_000 : null;
      const created = new Date(Math.min(now, opens));
      rows.push({
        publisherId: rand() < 0.5 ? null : pick(organisations),
        funder: pick(funders),
        title,
        summary,
        amountMin: min,
        amountMax: max,
        informalEligible: rand() < 0.4,
        kboRequired: rand() < 0.3,
        themes,
        communes: allBrussels ? [] : some(communes, 1, 3).sort(),
        allBrussels,
        opensAt: new Date(opens),
        closesAt: new Date(closes),
        link: `https://example.org/bench-call-${seed}-${i}`,
        status: rand() < publishedShare ? 'published' : 'withdrawn',
        searchTerms: sql`array_to_tsvector(${sql.param(found)}::text[])`,
        isDemo: true,
        createdAt: created,
        updatedAt: created,
      });
    }
    await db.insert(exchangeCalls).values(rows);
  }
  await db.execute(sql`vacuum analyze exchange_calls`);
  return { calls, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
