// Questions to the network at scale (QUESTIONS_BENCH=1 npx vitest run test/questions-scale.test.ts):
// 100,000 questions and 300,000 answers in the three languages, their terms made by the same
// analysis as the pages make them, then the search's query plans and timings and the throughput of
// a question's page and of searches over HTTP on loopback. Prints its figures; skipped otherwise.
import autocannon from 'autocannon';
import { describe, expect, it } from 'vitest';
import { documentTerms, termQuery, thesaurus } from '../src/modules/search/index.ts';
import type { Locale } from '../src/shared/i18n-text.ts';
import { latencySummary } from '../bench/measure.ts';
import { sql } from './helpers/members.ts';
import { allowSlowTests } from './helpers/slow-tests.ts';
import { useTestApp } from './helpers/test-app.ts';

const run = Boolean(process.env.QUESTIONS_BENCH);
const questions = Number(process.env.QUESTIONS ?? 100_000);
const answersPer = 3;
allowSlowTests();
const app = run ? useTestApp() : undefined;

const phrases: Record<Locale, string[]> = {
  nl: [
    'Wie kent een goede schuldbemiddeling voor een gezin',
    'Waar vind ik een tolk voor een afspraak bij het OCMW',
    'Een huurder krijgt een uithuiszetting, wie helpt',
    'Zoeken een zaal voor een vormingsdag over armoede',
    'Welke dienst helpt met een leefloon aanvraag',
    'Voedselhulp in de buurt voor daklozen',
    'Huiswerkbegeleiding voor kinderen van nieuwkomers',
    'Juridisch advies over verblijfsvergunning',
  ],
  fr: [
    'Qui connaît une bonne médiation de dettes pour une famille',
    'Où trouver un interprète pour un rendez-vous au CPAS',
    'Un locataire est menacé d’expulsion, qui peut aider',
    'Cherchons une salle pour une journée de formation sur la pauvreté',
    'Quel service aide pour une demande de revenu d’intégration',
    'Aide alimentaire dans le quartier pour les sans-abri',
    'École de devoirs pour enfants primo-arrivants',
    'Conseil juridique sur le titre de séjour',
  ],
  en: [
    'Who knows good debt counselling for a family',
    'Where to find an interpreter for an appointment at the CPAS',
    'A tenant faces eviction, who can help',
    'Looking for a room for a training day on poverty',
    'Which service helps with an application for social income',
    'Food aid in the neighbourhood for homeless people',
    'Homework support for children of newcomers',
    'Legal advice about a residence permit',
  ],
};
const themes = ['income.debt-counselling', 'housing', 'legal', 'food', 'education', 'health'];
const langs: Locale[] = ['nl', 'fr', 'en'];
const communes = ['21001', '21004', '21012', '21015', '21009'];
/** A deterministic pseudo-random source, so runs compare. */
let seed = 42;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const pick = <T>(list: readonly T[]) => list[rnd(list.length)]!;

describe.skipIf(!run)('questions at scale', () => {
  it(`serves searches and question pages with ${questions} questions and ${questions * answersPer} answers`, async () => {
    const t = app!.t;
    const [{ id: org }] = await sql(t, 'select id from organisations order by provenance_id limit 1');
    const started = performance.now();
    const batch = 2_000;
    for (let from = 0; from < questions; from += batch) {
      const rows = Array.from({ length: Math.min(batch, questions - from) }, (_, i) => {
        const lang = pick(langs);
        // One question in a hundred names a rare word: a search that matches few.
        const title = `${pick(phrases[lang])} ${rnd(100) ? '' : 'zebravink '}${from + i}?`;
        const body = `${pick(phrases[lang])}. ${pick(phrases[lang])}.`;
        const answers = Array.from({ length: answersPer }, () => {
          const l = pick(langs);
          return { text: `${pick(phrases[l])}. ${pick(phrases[l])}.`, lang: l };
        });
        const qThemes = [pick(themes)];
        const terms = documentTerms([{ text: `${title}\n${body}`, lang }, ...answers], qThemes, thesaurus());
        return {
          lang,
          title,
          body,
          answers,
          themes: qThemes,
          commune: pick(communes),
          terms: terms.join(' '),
          visibility: rnd(10) ? 'everyone' : 'members',
        };
      });
      const ids = await sql(
        t,
        `insert into questions (organisation_id, title, body, language, themes, commune_nis, visibility, answer_count, last_activity_at, search_terms)
         select $1, r.title, r.body, r.lang, array[r.theme], r.commune, r.visibility, ${answersPer},
                now() - (random() * interval '700 days'), array_to_tsvector(string_to_array(r.terms, ' '))
         from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           as r(title, body, lang, theme, commune, visibility, terms)
         returning id`,
        [
          org,
          rows.map((r) => r.title),
          rows.map((r) => r.body),
          rows.map((r) => r.lang),
          rows.map((r) => r.themes[0]),
          rows.map((r) => r.commune),
          rows.map((r) => r.visibility),
          rows.map((r) => r.terms),
        ],
      );
      const answerRows = rows.flatMap((r, i) => r.answers.map((a) => ({ q: ids[i].id as string, ...a })));
      await sql(
        t,
        `insert into answers (question_id, organisation_id, body, language)
         select a.q, $1, a.body, a.lang from unnest($2::uuid[], $3::text[], $4::text[]) as a(q, body, lang)`,
        [org, answerRows.map((a) => a.q), answerRows.map((a) => a.text), answerRows.map((a) => a.lang)],
      );
    }
    await sql(t, 'analyze questions');
    await sql(t, 'analyze answers');
    console.log(`seeded in ${Math.round((performance.now() - started) / 1000)} s`);

    // The query plans of the searches use the GIN index.
    for (const q of ['médiation de dettes', 'zebravink', 'expuls', 'interpreter appointment CPAS']) {
      const { query } = termQuery(q, thesaurus());
      const plan = await sql(
        t,
        `explain (analyze, format text) select id from (
           select id, search_terms, last_activity_at from questions
           where hidden_at is null and visibility = 'everyone' and search_terms @@ $1::tsquery
           order by last_activity_at desc limit 2000) as recent
         order by ts_rank(search_terms, $1::tsquery) desc limit 21`,
        [query],
      );
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      console.log(`\n${q}: ${query}\n${text}`);
      // A broad search reads the most recent questions until it has enough; a narrow one the GIN index.
      expect(text).toMatch(/questions_terms_idx|questions_activity_idx/);
    }

    const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const [{ id: sample }] = await sql(
      t,
      `select id from questions where visibility = 'everyone' limit 1 offset 5000`,
    );
    const load = (path: string) =>
      new Promise<autocannon.Result>((resolve, reject) =>
        autocannon({ url: `${base}${path}`, connections: 20, duration: 8 }, (error, result) =>
          error ? reject(error) : resolve(result),
        ),
      );
    for (const path of [
      // The cost of any request on this machine, to compare with (others share its cores).
      '/healthz',
      `/fr/questions/${sample}`,
      `/fr/questions?q=${encodeURIComponent('médiation de dettes')}`,
      `/nl/questions?q=zebravink`,
      `/en/questions`,
      `/fr/search?q=${encodeURIComponent('médiation de dettes')}`,
    ]) {
      const result = await load(path);
      console.log(
        `${path}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
      );
      expect(result.non2xx).toBe(0);
    }
    // One at a time: a question's page, and the search.
    const pageTimes: number[] = [];
    for (let i = 0; i < 50; i++) {
      const s = performance.now();
      await t.app.inject(`/fr/questions/${sample}`);
      pageTimes.push(performance.now() - s);
    }
    console.log('question page one at a time (ms):', latencySummary(pageTimes));
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const s = performance.now();
      await t.app.inject(
        `/fr/questions?q=${encodeURIComponent(pick(['médiation de dettes', 'interprète', 'expulsion logement', 'aide alimentaire']))}`,
      );
      times.push(performance.now() - s);
    }
    console.log('questions search one at a time (ms):', latencySummary(times));
  });
});
