// The knowledge library and the learning paths at scale: 5,000 published practices of the seeded
// directory's organisations (texts in nl, fr and en made from small template lists, themes of the
// taxonomy, communes of the 19, worksheet items of the shared lists, a few featured), their search
// terms computed here as practice-terms.ts does, and 200 published learning paths, copies of the
// demo path's cards. All of it is bench data: slugs start with "bench-", the practices' contact is
// "Bench data" and the paths' titles say so. run.ts seeds a first set of practices (no paths) before
// the search figures through the same function, with its own slugs (`slugPrefix`) and random seed.
import { connectDatabase } from '../src/db/client.ts';
import { thesaurusConcepts } from '../src/modules/glossary/index.ts';
import { checkCards } from '../src/modules/learning/paths/check-path.ts';
import { demoCards } from '../src/modules/learning/paths/demo-path.ts';
import { documentTerms, thesaurus } from '../src/modules/search/index.ts';
import type { I18nText } from '../src/shared/i18n-text.ts';
import { random } from './random.ts';

type Lang = 'nl' | 'fr' | 'en';
const langs: Lang[] = ['nl', 'fr', 'en'];

/** What the practices are about, in each language: [subject, audience, place]. */
const subjects: Record<Lang, string[]> = {
  nl: [
    'tolken bij het OCMW',
    'huiswerkbegeleiding',
    'schuldbemiddeling',
    'een buddy voor nieuwkomers',
    'taallessen Nederlands',
    'zoektocht naar huisvesting',
    'dringende medische hulp',
    'sociale tewerkstelling',
  ],
  fr: [
    'interprètes au CPAS',
    'école de devoirs',
    'médiation de dettes',
    'un binôme pour les primo-arrivants',
    'cours de français',
    'recherche de logement',
    'aide médicale urgente',
    'insertion socioprofessionnelle',
  ],
  en: [
    'interpreters at the CPAS/OCMW',
    'homework support',
    'debt mediation',
    'a buddy for newcomers',
    'language classes',
    'looking for housing',
    'urgent medical aid',
    'work integration',
  ],
};
const audiences: Record<Lang, string[]> = {
  nl: ['jongeren', 'alleenstaande ouders', 'senioren', 'mensen zonder papieren', 'gezinnen'],
  fr: ['jeunes', 'parents solos', 'seniors', 'personnes sans papiers', 'familles'],
  en: ['young people', 'single parents', 'older people', 'undocumented people', 'families'],
};

const titles: Record<Lang, ((s: string, a: string, n: number) => string)[]> = {
  nl: [(s, a, n) => `${s} voor ${a} (${n})`, (s, a, n) => `Samen werken rond ${s} met ${a} (${n})`],
  fr: [
    (s, a, n) => `${s} pour les ${a} (${n})`,
    (s, a, n) => `Travailler ensemble sur ${s} avec des ${a} (${n})`,
  ],
  en: [(s, a, n) => `${s} for ${a} (${n})`, (s, a, n) => `Working together on ${s} with ${a} (${n})`],
};
const summaries: Record<Lang, ((s: string, a: string) => string)[]> = {
  nl: [
    (s, a) => `Hoe twee organisaties ${s} samen aanpakken voor ${a}, en wat ze daaruit leerden.`,
    (s, a) => `Een wekelijkse zitdag rond ${s}: ${a} vinden er snel de juiste hulp.`,
  ],
  fr: [
    (s, a) => `Comment deux associations abordent ensemble ${s} pour des ${a}, et ce qu’elles en ont appris.`,
    (s, a) => `Une permanence hebdomadaire autour de ${s} : les ${a} y trouvent vite la bonne aide.`,
  ],
  en: [
    (s, a) => `How two organisations take on ${s} together for ${a}, and what they learnt.`,
    (s, a) => `A weekly drop-in about ${s}: ${a} quickly find the right help there.`,
  ],
};
const stories: Record<Lang, (s: string, a: string) => string> = {
  nl: (s, a) =>
    `We merkten dat ${a} vaak afhaakten bij ${s}. Daarom spraken we af om elkaar maandelijks te zien, ` +
    `een gedeelde contactpersoon aan te duiden en de wachttijd te verkorten.\n\nWat werkte: vooraf bellen, ` +
    `een vaste afspraak geven en samen de documenten doornemen. Wat minder werkte: te veel formulieren.\n\nBenchgegevens.`,
  fr: (s, a) =>
    `Nous avons remarqué que les ${a} décrochaient souvent autour de ${s}. Nous avons donc décidé de nous voir ` +
    `chaque mois, de désigner une personne de contact commune et de réduire l’attente.\n\nCe qui a marché : ` +
    `appeler avant, fixer un rendez-vous régulier et relire les documents ensemble. Moins bien : trop de formulaires.\n\nDonnées de banc d’essai.`,
  en: (s, a) =>
    `We noticed that ${a} often dropped out around ${s}. So we agreed to meet monthly, name one shared ` +
    `contact person and shorten the wait.\n\nWhat worked: calling ahead, a regular appointment and going ` +
    `through the documents together. What worked less: too many forms.\n\nBench data.`,
};

export interface KnowledgeSeed {
  practices: number;
  paths: number;
  seconds: number;
}

export async function seedKnowledge(
  databaseUrl: string,
  scale: { practices: number; paths: number },
  /** Another set next to this one: its own slugs and random data. */
  { slugPrefix = 'bench', seed = 16 }: { slugPrefix?: string; seed?: number } = {},
): Promise<KnowledgeSeed> {
  const started = performance.now();
  const db = connectDatabase(databaseUrl, { max: 2 });
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[], max: number) => [
    ...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(list))),
  ];
  try {
    const orgs = (
      await db.pool.query<{ id: string; kind: string }>(
        'select id, kind::text from organisations order by id',
      )
    ).rows;
    const themes = (
      await db.pool.query<{ code: string }>('select code from taxonomy_terms order by code')
    ).rows.map((r) => r.code);
    const items = (
      await db.pool.query<{ id: string; kind: string; labels: I18nText }>(
        'select id, kind, labels from worksheet_items order by id',
      )
    ).rows;
    const ofKind = (kind: string) => items.filter((i) => i.kind === kind);
    const [obstacleItems, leverItems, toolItems] = [ofKind('obstacle'), ofKind('lever'), ofKind('tool')];
    const labelsOf = new Map(items.map((i) => [i.id, i.labels]));
    const communes = Array.from({ length: 19 }, (_, i) => String(21001 + i));
    const words = thesaurus();

    let practices = 0;
    for (let i = 0; i < scale.practices; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, scale.practices - i) }, (_, k) => {
        const n = i + k + 1;
        const topic = Math.floor(next() * subjects.nl.length);
        const audience = Math.floor(next() * audiences.nl.length);
        const template = Math.floor(next() * 2);
        // Half are written in all three languages, the others in one.
        const written = next() < 0.5 ? langs : [pick(langs)];
        const text = (f: (l: Lang) => string) =>
          Object.fromEntries(written.map((l) => [l, f(l)])) as I18nText;
        const title = text((l) => titles[l][template]!(subjects[l][topic]!, audiences[l][audience]!, n));
        const summary = text((l) => summaries[l][template]!(subjects[l][topic]!, audiences[l][audience]!));
        const story = text((l) => stories[l](subjects[l][topic]!, audiences[l][audience]!));
        const owner = pick(orgs);
        const involved = some(orgs, 3).filter((o) => o.id !== owner.id);
        const practiceThemes = [pick(themes), ...some(themes, 1)].filter((t, j, all) => all.indexOf(t) === j);
        const obstacles = some(obstacleItems, 3).map((o) => o.id);
        const levers = some(leverItems, 3).map((o) => o.id);
        const tools = some(toolItems, 2).map((o) => o.id);
        // As practice-terms.ts: each language's title, summary and story, then the items' labels.
        const texts = [
          ...written.map((lang) => ({ text: [title[lang], summary[lang], story[lang]].join('\n'), lang })),
          ...[...obstacles, ...levers, ...tools].flatMap((id) =>
            langs.flatMap((lang) => {
              const label = labelsOf.get(id)?.[lang];
              return label ? [{ text: label, lang }] : [];
            }),
          ),
        ];
        return {
          slug: `${slugPrefix}-practice-${n}`,
          owner: owner.id,
          featured: next() < 0.02,
          title: JSON.stringify(title),
          summary: JSON.stringify(summary),
          story: JSON.stringify(story),
          involved: `{${involved.map((o) => o.id).join(',')}}`,
          kinds: `{${[...new Set([owner, ...involved].map((o) => o.kind))].join(',')}}`,
          themes: `{${practiceThemes.join(',')}}`,
          communes: `{${some(communes, 3).join(',') || pick(communes)}}`,
          obstacles: `{${obstacles.join(',')}}`,
          levers: `{${levers.join(',')}}`,
          tools: `{${tools.join(',')}}`,
          daysAgo: Math.floor(next() * 700),
          terms: `{${documentTerms(texts, practiceThemes, words)
            .map((t) => `"${t.replace(/["\\]/g, '\\$&')}"`)
            .join(',')}}`,
        };
      });
      const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
      const inserted = await db.pool.query(
        `insert into practices (slug, organisation_id, status, featured, title, summary, story, organisation_ids,
                                organisation_kinds, themes, communes, contact_name, obstacles, levers, tools,
                                published_at, search_terms)
         select slug, owner, 'published', featured, title::jsonb, summary::jsonb, story::jsonb, involved::uuid[],
                kinds::text[], themes::text[], communes::text[], 'Bench data', obstacles::uuid[], levers::uuid[],
                tools::uuid[], now() - make_interval(days => days_ago), array_to_tsvector(terms::text[])
           from unnest($1::text[], $2::uuid[], $3::bool[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int[], $15::text[])
                as t(slug, owner, featured, title, summary, story, involved, kinds, themes, communes, obstacles,
                     levers, tools, days_ago, terms)`,
        [
          col('slug'),
          col('owner'),
          col('featured'),
          col('title'),
          col('summary'),
          col('story'),
          col('involved'),
          col('kinds'),
          col('themes'),
          col('communes'),
          col('obstacles'),
          col('levers'),
          col('tools'),
          col('daysAgo'),
          col('terms'),
        ],
      );
      practices += inserted.rowCount ?? 0;
    }

    // Paths: the demo path's cards (new keys each copy), its words of the glossary that exist.
    const known = new Set((await thesaurusConcepts(db.db)).map((c) => c.id));
    const paths = Array.from({ length: scale.paths }, (_, i) => ({
      slug: `${slugPrefix}-path-${i + 1}`,
      title: JSON.stringify({
        nl: `Verblijfspapieren, oefening ${i + 1} (benchgegevens)`,
        fr: `Papiers de séjour, exercice ${i + 1} (données de banc d’essai)`,
        en: `Residence papers, exercise ${i + 1} (bench data)`,
      }),
      cards: JSON.stringify(
        checkCards(demoCards()).map((c) =>
          c.kind === 'text' ? { ...c, concepts: c.concepts.filter((slug) => known.has(slug)) } : c,
        ),
      ),
    }));
    const pathRows = await db.pool.query(
      `insert into learning_paths (slug, title, summary, status, cards, published_at)
       select slug, title::jsonb, jsonb_build_object('en', 'A copy of the demo path for the benchmark.'),
              'published', cards::jsonb, now()
         from unnest($1::text[], $2::text[], $3::text[]) as t(slug, title, cards)`,
      [paths.map((p) => p.slug), paths.map((p) => p.title), paths.map((p) => p.cards)],
    );
    await db.pool.query('analyze practices; analyze learning_paths');
    return {
      practices,
      paths: pathRows.rowCount ?? 0,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await db.close();
  }
}
