// The network at scale: 20,000 events of the seeded directory's organisations (a fifth weekly, so
// about 60,000 dates over the coming year), 100,000 questions in nl, fr and en about the thesaurus's
// concepts in the 19 communes, and 300,000 answers. Texts (events' too) are made from the thesaurus's
// own terms, so cross-language search finds them as it would real ones. Marked as demo data (is_demo,
// bench users). run.ts seeds a first set before the search figures through the same function, with
// its own users (`tag`) and random seed, some events dated in the last 30 days and public questions
// only, each answered.
import { randomUUID } from 'node:crypto';
import { connectDatabase } from '../src/db/client.ts';
import { geoReference } from '../src/modules/geo/index.ts';
import { documentTerms, thesaurus } from '../src/modules/search/index.ts';
import { round2 } from './measure.ts';
import { random } from './random.ts';

type Lang = 'nl' | 'fr' | 'en';
const langs: Lang[] = ['nl', 'fr', 'en'];

const askTemplates: Record<Lang, ((term: string, place: string) => [string, string])[]> = {
  nl: [
    (t, p) => [
      `Wie kent een goede plek voor ${t} in ${p}?`,
      `We begeleiden een gezin in ${p} dat hulp zoekt rond ${t}. Waar kunnen we hen naartoe sturen?`,
    ],
    (t, p) => [
      `Ervaring met ${t} voor nieuwkomers in ${p}?`,
      `Een nieuwe collega vraagt ons hoe het zit met ${t}. Wie heeft tips of contacten?`,
    ],
  ],
  fr: [
    (t, p) => [
      `Quelqu'un connaît une permanence pour ${t} à ${p} ?`,
      `Nous accompagnons une famille à ${p} qui cherche de l'aide pour ${t}. Vers qui l'orienter ?`,
    ],
    (t, p) => [
      `Des conseils sur ${t} pour une personne sans papiers à ${p} ?`,
      `Une bénévole de notre association demande comment faire pour ${t}. Vos contacts sont bienvenus.`,
    ],
  ],
  en: [
    (t, p) => [
      `Does anyone know a good place for ${t} in ${p}?`,
      `We support a family in ${p} looking for help with ${t}. Where could we refer them?`,
    ],
    (t, p) => [
      `Experience with ${t} for newcomers in ${p}?`,
      `A new colleague asks how ${t} works here. Any tips or contacts are welcome.`,
    ],
  ],
};

/** An event's kind in each language, for its title and description. */
const kindLabels: Record<string, Record<Lang, string>> = {
  network_day: { nl: 'Netwerkdag', fr: 'Journée réseau', en: 'Network day' },
  job_shadowing: { nl: 'Meeloopdag', fr: "Journée d'immersion", en: 'Job shadowing' },
  intervision: { nl: 'Intervisie', fr: 'Intervision', en: 'Peer review' },
  training: { nl: 'Vorming', fr: 'Formation', en: 'Training' },
  open_day: { nl: 'Opendeurdag', fr: 'Portes ouvertes', en: 'Open day' },
  local_consultation: { nl: 'Lokaal overleg', fr: 'Concertation locale', en: 'Local consultation' },
};
const eventTexts: Record<Lang, (kind: string, term: string, place: string) => [string, string]> = {
  nl: (k, t, p) => [
    `${k}: ${t} in ${p}`,
    `${k} over ${t} voor wie in ${p} werkt: voorstelling van de diensten, vragen uit de praktijk en tijd om elkaar te leren kennen. Benchgegevens.`,
  ],
  fr: (k, t, p) => [
    `${k} : ${t} à ${p}`,
    `${k} autour de ${t} pour les professionnels de ${p} : présentation des services, questions de terrain et temps pour se rencontrer. Données de banc d’essai.`,
  ],
  en: (k, t, p) => [
    `${k}: ${t} in ${p}`,
    `${k} about ${t} for those working in ${p}: the services introduce themselves, questions from practice and time to meet. Bench data.`,
  ],
};

const answerTemplates: Record<Lang, ((term: string) => string)[]> = {
  nl: [
    (t) => `Wij verwijzen voor ${t} meestal door naar het OCMW van de gemeente; bel vooraf.`,
    (t) => `Probeer de zitdag op dinsdag, ze helpen daar ook met ${t}.`,
  ],
  fr: [
    (t) => `Pour ${t}, nous orientons vers le CPAS de la commune ; appelez avant.`,
    (t) => `Essayez la permanence du mardi, ils aident aussi pour ${t}.`,
  ],
  en: [
    (t) => `For ${t} we usually refer to the commune's CPAS/OCMW; call first.`,
    (t) => `Try the Tuesday drop-in, they also help with ${t}.`,
  ],
};

export interface NetworkSeed {
  events: number;
  occurrences: number;
  questions: number;
  answers: number;
  seconds: number;
  /** Bench people (verified addresses, members of an organisation), for writes with sessions made by the bench. */
  userIds: string[];
  /** Questions for everyone (a tenth are for members only). */
  publicQuestionIds: string[];
}

export async function seedNetwork(
  databaseUrl: string,
  scale: {
    events: number;
    questions: number;
    answersPerQuestion: number;
    /** Events whose first date was in the last 30 days (still found by search), of all events. */
    recentShare?: number;
    /** Questions for members only (never indexed), of all questions. */
    membersShare?: number;
    /** Answers each question has at least. */
    minAnswers?: number;
  },
  /** Another set next to this one: its own bench people (e-mail addresses) and random data. */
  { tag = 'network', seed = 15 }: { tag?: string; seed?: number } = {},
): Promise<NetworkSeed> {
  const started = performance.now();
  const db = connectDatabase(databaseUrl, { max: 2 });
  const next = random(seed);
  const { recentShare = 0, membersShare = 0.1, minAnswers = 0 } = scale;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  try {
    const places = (
      await db.pool.query<{ id: string; org: string; commune: string }>(
        'select id, organisation_id as org, commune_nis as commune from locations where commune_nis is not null order by id',
      )
    ).rows;
    const themes = (
      await db.pool.query<{ code: string }>(
        'select code from taxonomy_terms where parent_code is null order by code',
      )
    ).rows.map((r) => r.code);

    // Bench people, verified, each a member of one organisation (an editor); they never log in with a password.
    const userEmails = Array.from({ length: 2000 }, (_, i) => `bench-${tag}-${i}@example.org`);
    const users = (
      await db.pool.query<{ id: string }>(
        `insert into users (email, name, password_hash, locale, email_verified_at)
         select e, 'Bench member ' || n, $2, (array['nl','fr','en'])[1 + n % 3], now()
           from unnest($1::text[]) with ordinality as t(e, n) returning id`,
        [userEmails, 'bench: no password'],
      )
    ).rows.map((r) => r.id);
    const orgOf = users.map(() => pick(places).org);
    await db.pool.query(
      `insert into memberships (user_id, organisation_id, roles)
       select u, o, '{editor}' from unnest($1::uuid[], $2::uuid[]) as t(u, o) on conflict do nothing`,
      [users, orgOf],
    );

    const geo = geoReference();
    const concepts = thesaurus().concepts.filter(
      (c) => c.terms.nl.length && c.terms.fr.length && c.terms.en.length,
    );
    const communeNames = new Map(geo.communes.map((c) => [c.nis, c.name]));

    // Events: a fifth weekly for twelve weeks; the others one date. Starts over the coming year (a
    // `recentShare` in the last 29 days). Titles and texts in the three languages, about a concept.
    let events = 0;
    let occurrences = 0;
    for (let i = 0; i < scale.events; i += 2000) {
      const n = Math.min(2000, scale.events - i);
      const rows = Array.from({ length: n }, () => {
        const place = pick(places);
        const dayOffset = next() < recentShare ? -1 - Math.floor(next() * 29) : 1 + Math.floor(next() * 360);
        const hour = pick([9, 10, 14, 18]);
        const weekly = next() < 0.2;
        const kind = pick(Object.keys(kindLabels));
        const concept = pick(concepts);
        const texts = langs.map((l) =>
          eventTexts[l](
            kindLabels[kind]![l],
            pick(concept.terms[l]),
            communeNames.get(place.commune)?.[l] ?? '',
          ),
        );
        return {
          id: randomUUID(),
          org: place.org,
          location: place.id,
          commune: place.commune,
          kind,
          title: JSON.stringify(Object.fromEntries(langs.map((l, k) => [l, texts[k]![0]]))),
          description: JSON.stringify(Object.fromEntries(langs.map((l, k) => [l, texts[k]![1]]))),
          theme: concept.themes[0] ?? pick(themes),
          language: pick(['nl', 'fr', 'en', 'ar']),
          dayOffset,
          hour,
          weekly,
          capacity: pick([null, 12, 20, 30, 60]),
        };
      });
      await db.pool.query(
        `insert into events (id, organisation_id, kind, title, description, place_kind, location_id, commune_nis,
                             starts_at, ends_at, rule, capacity, languages, themes, is_demo)
         select id, org, kind, ti::jsonb, de::jsonb, 'place', loc, commune,
                (date_trunc('day', now() at time zone 'Europe/Brussels') + make_interval(days => d, hours => h)) at time zone 'Europe/Brussels',
                (date_trunc('day', now() at time zone 'Europe/Brussels') + make_interval(days => d, hours => h + 2)) at time zone 'Europe/Brussels',
                case when w then 'FREQ=WEEKLY;COUNT=12' end, cap, array[lang], array[theme], true
           from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
                       $8::int[], $9::int[], $10::bool[], $11::int[], $12::text[], $13::text[])
                as t(id, org, loc, commune, kind, theme, lang, d, h, w, cap, ti, de)`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.org),
          rows.map((r) => r.location),
          rows.map((r) => r.commune),
          rows.map((r) => r.kind),
          rows.map((r) => r.theme),
          rows.map((r) => r.language),
          rows.map((r) => r.dayOffset),
          rows.map((r) => r.hour),
          rows.map((r) => r.weekly),
          rows.map((r) => r.capacity),
          rows.map((r) => r.title),
          rows.map((r) => r.description),
        ],
      );
      const inserted = await db.pool.query(
        `insert into event_occurrences (event_id, starts_at, ends_at)
         select e.id, e.starts_at + make_interval(weeks => k), e.ends_at + make_interval(weeks => k)
           from events e, generate_series(0, 11) k
          where e.id = any($1::uuid[]) and (k = 0 or e.rule is not null)`,
        [rows.map((r) => r.id)],
      );
      occurrences += inserted.rowCount ?? 0;
      events += rows.length;
    }

    // Questions and answers, each in one of the three languages, about one concept and one commune.
    const publicQuestionIds: string[] = [];
    let answers = 0;
    for (let i = 0; i < scale.questions; i += 2000) {
      const n = Math.min(2000, scale.questions - i);
      const qs = Array.from({ length: n }, () => {
        const language = pick(langs);
        const concept = pick(concepts);
        const commune = pick(geo.communes);
        const [title, body] = pick(askTemplates[language])(
          pick(concept.terms[language]),
          commune.name[language === 'en' ? 'fr' : language],
        );
        const qThemes = concept.themes.length ? concept.themes.slice(0, 2) : [pick(themes)];
        const replies = Array.from(
          { length: Math.max(minAnswers, Math.round(next() * 2 * scale.answersPerQuestion)) },
          () => {
            const lang = pick(langs);
            return {
              body: pick(answerTemplates[lang])(pick(concept.terms[lang])),
              language: lang,
              author: pick(users),
            };
          },
        );
        return {
          id: randomUUID(),
          author: pick(users),
          title,
          body,
          language,
          themes: qThemes,
          commune: commune.nis,
          members: next() < membersShare,
          days: Math.floor(next() * 700),
          replies,
          terms: documentTerms(
            [
              { text: `${title} ${body}`, lang: language },
              ...replies.map((r) => ({ text: r.body, lang: r.language })),
            ],
            qThemes,
            thesaurus(),
          ),
        };
      });
      await db.pool.query(
        `insert into questions (id, author_id, title, body, language, themes, commune_nis, visibility, answer_count,
                                last_activity_at, created_at, updated_at, search_terms, is_demo)
         select id, a, ti, b, l, string_to_array(th, ','), c, case when m then 'members' else 'everyone' end, ac,
                now() - make_interval(days => d), now() - make_interval(days => d), now() - make_interval(days => d),
                array_to_tsvector(string_to_array(te, ' ')), true
           from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bool[],
                       $9::int[], $10::int[], $11::text[]) as t(id, a, ti, b, l, th, c, m, ac, d, te)`,
        [
          qs.map((q) => q.id),
          qs.map((q) => q.author),
          qs.map((q) => q.title),
          qs.map((q) => q.body),
          qs.map((q) => q.language),
          qs.map((q) => q.themes.join(',')),
          qs.map((q) => q.commune),
          qs.map((q) => q.members),
          qs.map((q) => q.replies.length),
          qs.map((q) => q.days),
          qs.map((q) => [...new Set(q.terms)].join(' ')),
        ],
      );
      const replies = qs.flatMap((q) => q.replies.map((r) => ({ ...r, question: q.id, days: q.days })));
      for (let k = 0; k < replies.length; k += 5000) {
        const part = replies.slice(k, k + 5000);
        await db.pool.query(
          `insert into answers (question_id, author_id, body, language, created_at, updated_at)
           select q, a, b, l, now() - make_interval(days => d), now() - make_interval(days => d)
             from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[]) as t(q, a, b, l, d)`,
          [
            part.map((r) => r.question),
            part.map((r) => r.author),
            part.map((r) => r.body),
            part.map((r) => r.language),
            part.map((r) => r.days),
          ],
        );
      }
      answers += replies.length;
      publicQuestionIds.push(...qs.filter((q) => !q.members).map((q) => q.id));
    }
    await db.pool.query('vacuum analyze events, event_occurrences, questions, answers');
    return {
      events,
      occurrences,
      questions: scale.questions,
      answers,
      seconds: round2((performance.now() - started) / 1000),
      userIds: users,
      publicQuestionIds,
    };
  } finally {
    await db.close();
  }
}
