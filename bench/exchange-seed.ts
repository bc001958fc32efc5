// Offers and requests at scale: posts of the database's organisations, in both directions and every
// kind, with titles and texts in nl, fr and en made from small template lists, one to three of the
// directory's languages (always for interpreting), zero to three themes, one to three communes or
// all Brussels (one in four), dates up to six months ahead, created over the past year. Their search
// terms are computed as post-terms.ts does, once per template. All of it is bench data: the
// titles say so, and is_demo. run.ts seeds a first set of open offers only (what search indexes)
// before the search figures through the same function, with its own random seed.
import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Database } from '../src/db/client.ts';
import { commonLanguages, themeCodes } from '../src/modules/directory/index.ts';
import { exchangePosts } from '../src/modules/exchange/exchange.schema.ts';
import { postDirections, postKinds } from '../src/modules/exchange/exchange.vocabulary.ts';
import { addDays, brusselsDay } from '../src/modules/exchange/posts/dates.ts';
import { postTerms } from '../src/modules/exchange/posts/post-terms.ts';
import { geoReference } from '../src/modules/geo/index.ts';
import type { I18nText } from '../src/shared/i18n-text.ts';
import { random } from './random.ts';

const subjects = {
  nl: [
    'tolken',
    'een vergaderzaal',
    'vrijwilligers',
    'hulp bij een subsidiedossier',
    'een busje',
    'boekhouding',
  ],
  fr: [
    'des interprètes',
    'une salle de réunion',
    'des bénévoles',
    'aide pour un dossier de subsides',
    'une camionnette',
    'la comptabilité',
  ],
  en: ['interpreters', 'a meeting room', 'volunteers', 'help with a subsidy file', 'a van', 'accounting'],
} as const;
const verbs = {
  offer: { nl: 'Wij bieden', fr: 'Nous proposons', en: 'We offer' },
  request: { nl: 'Wij zoeken', fr: 'Nous cherchons', en: 'We are looking for' },
} as const;

export interface SeededPosts {
  posts: number;
  seconds: number;
}

export async function seedExchange(
  db: Database,
  { posts = 50_000, openOffersOnly = false, seed = 17 } = {},
): Promise<SeededPosts> {
  const started = performance.now();
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const some = <T>(list: readonly T[], min: number, max: number) => {
    const n = min + Math.floor(rand() * (max - min + 1));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const organisations = (await db.execute<{ id: string }>(sql`select id from organisations`)).rows.map(
    (r) => r.id,
  );
  if (!organisations.length) throw new Error('Seed a directory first: posts belong to organisations.');
  const communes = geoReference().communes.map((c) => c.nis);
  const today = brusselsDay(new Date());
  const now = Date.now();
  // Terms per (direction, subject, language) template, computed once.
  const terms = new Map<string, string[]>();
  const batch = 1_000;
  for (let done = 0; done < posts; done += batch) {
    const rows: PgInsertValue<typeof exchangePosts>[] = [];
    for (let i = done; i < Math.min(posts, done + batch); i++) {
      const direction = openOffersOnly ? 'offer' : pick(postDirections);
      const kind = pick(postKinds);
      const s = Math.floor(rand() * subjects.nl.length);
      const lang = pick(['nl', 'fr', 'en'] as const);
      const title: I18nText = { [lang]: `${verbs[direction][lang]} ${subjects[lang][s]} (bench ${i})` };
      const themes = some(themeCodes, 0, 3);
      const allBrussels = rand() < 0.25;
      const key = `${direction}|${s}|${lang}|${themes.join(',')}`;
      let found = terms.get(key);
      if (!found)
        terms.set(
          key,
          (found = postTerms({
            title: { [lang]: `${verbs[direction][lang]} ${subjects[lang][s]}` },
            body: {},
            themes,
          })),
        );
      const created = new Date(now - Math.floor(rand() * 365) * 86_400_000);
      rows.push({
        organisationId: pick(organisations),
        direction,
        kind,
        title,
        body: { [lang]: 'Bench data.' },
        languages:
          kind === 'interpreting'
            ? some(commonLanguages, 1, 3)
            : rand() < 0.3
              ? some(commonLanguages, 1, 2)
              : [],
        themes,
        communes: allBrussels ? [] : some(communes, 1, 3).sort(),
        allBrussels,
        until: addDays(today, Math.floor(rand() * 183)),
        status: openOffersOnly || rand() < 0.8 ? 'open' : pick(['fulfilled', 'closed', 'expired'] as const),
        fulfilledAt: new Date(now),
        searchTerms: sql`array_to_tsvector(${sql.param(found)}::text[])`,
        isDemo: true,
        createdAt: created,
        updatedAt: created,
      });
    }
    await db.insert(exchangePosts).values(rows);
  }
  // As autovacuum leaves a table that has settled: statistics and the visibility map.
  await db.execute(sql`vacuum analyze exchange_posts`);
  return { posts, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
