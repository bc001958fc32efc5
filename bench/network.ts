// Network at scale: the agenda and a question's page under load, and registrations for event dates
// by signed-in people through the form (each a different person and date, placed at once or put on
// the waiting list under the date's lock). Then 100 people at once for the last 10 places of a date.
import { DateTime } from 'luxon';
import { connectDatabase } from '../src/db/client.ts';
import { startSession } from '../src/modules/accounts/sessions.ts';
import { latencySummary, type LoadTools, type Measured } from './measure.ts';
import { random } from './random.ts';
import { seedNetwork } from './network-seed.ts';

export interface NetworkBench {
  seeded: { events: number; occurrences: number; questions: number; answers: number; seconds: number };
  agenda: Measured & { ratioToHealthz?: number };
  question: Measured & { ratioToHealthz?: number };
  questionSearch: Measured & { ratioToHealthz?: number };
  register: Measured & { ratioToHealthz?: number };
  lastPlaces: { confirmed: number; waitlisted: number; statuses: Record<string, number> };
}

const locales = ['nl', 'fr', 'en'] as const;
const sessionCookie = '__Host-passerelle';

/** A signed-in person's cookies and form token, as a browser has them after opening a form. */
export async function signedIn(
  base: string,
  db: ReturnType<typeof connectDatabase>,
  userId: string,
  formPath: string,
) {
  const { token } = await startSession(db.db, userId, { userAgent: 'bench' });
  const res = await fetch(`${base}${formPath}`, { headers: { cookie: `${sessionCookie}=${token}` } });
  const html = await res.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const secret = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.includes('csrf'));
  if (!csrf || !secret) throw new Error(`no form token on ${formPath} (${res.status})`);
  return { cookie: `${sessionCookie}=${token}; ${secret}`, csrf };
}

/** Posts each form once, `connections` at a time, and measures; a 303 is the form's success. */
export async function postForms(
  name: string,
  base: string,
  forms: { path: string; cookie: string; body: string }[],
  connections: number,
): Promise<Measured> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < forms.length) {
        const form = forms[next++]!;
        const t0 = performance.now();
        try {
          const res = await fetch(`${base}${form.path}`, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: form.body,
          });
          await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`${name}: statuses ${JSON.stringify(statuses)}`);
  return {
    name,
    example: forms[0]!.path,
    requestsPerSecond: Math.round(forms.length / seconds),
    latencyMs: latencySummary(latencies),
    requests: forms.length,
    errors,
    non2xx: forms.length - errors - (statuses[303] ?? 0),
  };
}

export async function benchNetwork(
  base: string,
  databaseUrl: string,
  tools: LoadTools,
  { connections }: { connections: number },
): Promise<NetworkBench> {
  const seed = await seedNetwork(databaseUrl, { events: 20_000, questions: 100_000, answersPerQuestion: 3 });
  console.log(
    `seeded ${seed.events} events (${seed.occurrences} dates), ${seed.questions} questions, ${seed.answers} answers in ${seed.seconds} s`,
  );
  const next = random(8);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const db = connectDatabase(databaseUrl, { max: 4 });
  try {
    const themes = (
      await db.pool.query<{ code: string }>('select code from taxonomy_terms where parent_code is null')
    ).rows.map((r) => r.code);
    const communes = (
      await db.pool.query<{ nis: string }>('select distinct commune_nis as nis from events')
    ).rows.map((r) => r.nis);
    const month = DateTime.now().setZone('Europe/Brussels').plus({ months: 1 }).toFormat('yyyy-MM');
    const agendaPaths = Array.from({ length: 600 }, (_, i) => {
      const lang = locales[i % 3];
      const filters = [
        '',
        `?theme=${pick(themes)}`,
        `?commune=${pick(communes)}`,
        `?kind=${pick(['network_day', 'training', 'open_day'])}`,
        `?language=${pick(['nl', 'fr', 'ar'])}`,
        `?view=month&month=${month}`,
        `?theme=${pick(themes)}&commune=${pick(communes)}`,
      ];
      return `/${lang}/agenda${filters[i % filters.length]}`;
    });
    const agenda = await tools.load('agenda page (HTML, filters)', base, agendaPaths);
    const questionPaths = Array.from(
      { length: 2000 },
      (_, i) => `/${locales[i % 3]}/questions/${pick(seed.publicQuestionIds)}`,
    );
    const question = await tools.load('question page (HTML)', base, questionPaths);
    const words = [
      'médiation de dettes',
      'schuldbemiddeling',
      'huurwaarborg',
      'garantie locative',
      'loyer',
      'kot',
      'winter shelter',
      'dentist',
    ];
    const questionSearch = await tools.load(
      'questions search (HTML)',
      base,
      words.flatMap((w) => locales.map((l) => `/${l}/questions?q=${encodeURIComponent(w)}`)),
    );

    // Registrations: person i for date i (4,000 of them), each signed in with their own session.
    const dates = (
      await db.pool.query<{ id: string; event: string }>(
        `select o.id, o.event_id as event from event_occurrences o join events e on e.id = o.event_id
          where o.starts_at > now() + interval '2 days' order by o.id limit 4000`,
      )
    ).rows;
    const forms = [];
    for (const [i, date] of dates.entries()) {
      const path = `/en/events/${date.event}/dates/${date.id}/register`;
      const person = await signedIn(base, db, seed.userIds[i % seed.userIds.length]!, path);
      forms.push({
        path,
        cookie: person.cookie,
        body: `_csrf=${encodeURIComponent(person.csrf)}&name=Bench`,
      });
    }
    const register = await postForms(
      'register for a date (form, signed in)',
      base,
      forms,
      Math.min(connections, 20),
    );

    // 100 people at once for the last 10 places of a date.
    const [last] = (
      await db.pool.query<{ id: string; event: string }>(
        `select o.id, o.event_id as event from event_occurrences o where o.starts_at > now() + interval '2 days'
          order by o.id desc limit 1`,
      )
    ).rows;
    await db.pool.query(`update events set capacity = 10 where id = $1`, [last!.event]);
    await db.pool.query(`update event_occurrences set confirmed = 0, waitlisted = 0 where event_id = $1`, [
      last!.event,
    ]);
    await db.pool.query(`delete from event_registrations where occurrence_id = $1`, [last!.id]);
    const path = `/en/events/${last!.event}/dates/${last!.id}/register`;
    const crowd = [];
    for (let i = 0; i < 100; i++) {
      const person = await signedIn(base, db, seed.userIds[seed.userIds.length - 1 - i]!, path);
      crowd.push({
        path,
        cookie: person.cookie,
        body: `_csrf=${encodeURIComponent(person.csrf)}&name=Bench`,
      });
    }
    await postForms('100 at once for the last 10 places', base, crowd, 100);
    const counted = (
      await db.pool.query<{ status: string; n: number }>(
        `select status, count(*)::int as n from event_registrations where occurrence_id = $1 group by status`,
        [last!.id],
      )
    ).rows;
    const statuses = Object.fromEntries(counted.map((r) => [r.status, r.n]));
    return {
      seeded: {
        events: seed.events,
        occurrences: seed.occurrences,
        questions: seed.questions,
        answers: seed.answers,
        seconds: seed.seconds,
      },
      agenda,
      question,
      questionSearch,
      register,
      lastPlaces: { confirmed: statuses.confirmed ?? 0, waitlisted: statuses.waitlisted ?? 0, statuses },
    };
  } finally {
    await db.close();
  }
}

export function networkMarkdown(n: NetworkBench): string {
  const row = (r: Measured & { ratioToHealthz?: number }, target: string) =>
    `| ${r.name} | ${r.requestsPerSecond} | ${target} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.ratioToHealthz ?? 1} | ${r.errors + r.non2xx} |`;
  return [
    '',
    `Network: ${n.seeded.events} events (${n.seeded.occurrences} dates), ${n.seeded.questions} questions and ${n.seeded.answers} answers (seeded in ${n.seeded.seconds} s). ` +
      `100 signed-in people at once for the last 10 places of a date: ${n.lastPlaces.confirmed} confirmed, ${n.lastPlaces.waitlisted} on the waiting list (target 10 and 90).`,
    '',
    '| route | req/s | target | p50 ms | p95 ms | p99 ms | ratio to /healthz | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row(n.agenda, '≥ 500'),
    row(n.question, '≥ 500'),
    row(n.questionSearch, '—'),
    row(n.register, '≥ 200'),
    '',
  ].join('\n');
}
