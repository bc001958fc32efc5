// Rooms at scale: 2,000 rooms at the seeded directory's places, with varied hours, with 200,000
// confirmed bookings over the coming year. Measures "free rooms on Thursday evening in Molenbeek
// for 20 people" (each Thursday of the year once with nothing cached, then under load) and booking
// requests through the API with an organisation's token (each a different free slot). run.ts seeds
// a first set of rooms (no bookings) before the search figures through seedRooms, with its own seed.
import { DateTime } from 'luxon';
import { connectDatabase } from '../src/db/client.ts';
import { geoReference } from '../src/modules/geo/index.ts';
import { hashToken, newToken } from '../src/shared/tokens.ts';
import { type LoadTools as Tools, type Measured, round2 } from './measure.ts';
import { random } from './random.ts';
import { write } from './referrals.ts';

export interface SpacesBench {
  rooms: number;
  bookings: number;
  seedSeconds: number;
  /** The search, each Thursday of the coming year once. */
  uncachedSearchMs: { queries: number; p50: number; p95: number; p99: number; max: number };
  /** Rooms the first Thursday's search found, of the rooms in Molenbeek for 20 or more. */
  found: { free: number; candidates: number };
  search: Measured & { ratioToHealthz?: number };
  booking: Measured & { ratioToHealthz?: number };
}

const zone = 'Europe/Brussels';
const molenbeek = '21012';
const slots = [
  ['10:00', '12:00'],
  ['14:00', '17:00'],
  ['18:00', '21:00'],
  ['19:00', '22:00'],
] as const;

/** What a room is and has, in each language, for its name and description. */
const roomKinds = [
  { nl: 'Vergaderzaal', fr: 'Salle de réunion', en: 'Meeting room' },
  { nl: 'Polyvalente zaal', fr: 'Salle polyvalente', en: 'Multi-purpose hall' },
  { nl: 'Keuken', fr: 'Cuisine équipée', en: 'Kitchen' },
  { nl: 'Atelier', fr: 'Atelier', en: 'Workshop' },
  { nl: 'Sportzaal', fr: 'Salle de sport', en: 'Sports hall' },
  { nl: 'Gespreksruimte', fr: "Local d'entretien", en: 'Interview room' },
  { nl: 'Computerlokaal', fr: 'Salle informatique', en: 'Computer room' },
  { nl: 'Feestzaal', fr: 'Salle des fêtes', en: 'Function room' },
] as const;
const roomFeatures = [
  { nl: 'een projector en wifi', fr: 'un projecteur et le wifi', en: 'a projector and wifi' },
  { nl: 'een keukenhoek', fr: 'un coin cuisine', en: 'a kitchenette' },
  { nl: 'tafels en stoelen', fr: 'des tables et des chaises', en: 'tables and chairs' },
  { nl: 'een speelhoek voor kinderen', fr: 'un coin jeux pour enfants', en: 'a play corner for children' },
  { nl: 'daglicht en een tuin', fr: 'la lumière du jour et un jardin', en: 'daylight and a garden' },
] as const;
const roomText = {
  nl: (kind: string, feature: string, place: string, people: number) =>
    `${kind} voor ${people} personen in ${place}, met ${feature}. Benchgegevens.`,
  fr: (kind: string, feature: string, place: string, people: number) =>
    `${kind} pour ${people} personnes à ${place}, avec ${feature}. Données de banc d’essai.`,
  en: (kind: string, feature: string, place: string, people: number) =>
    `${kind} for ${people} people in ${place}, with ${feature}. Bench data.`,
};

export async function seedRooms(
  databaseUrl: string,
  scale: { rooms: number; bookingsPerRoom: number },
  seed = 21,
) {
  const started = performance.now();
  const db = connectDatabase(databaseUrl, { max: 2 });
  const next = random(seed);
  const communes = new Map(geoReference().communes.map((c) => [c.nis, c.name]));
  const langs = ['nl', 'fr', 'en'] as const;
  try {
    const places = (
      await db.pool.query<{ id: string; org: string; commune: string }>(
        'select id, organisation_id as org, commune_nis as commune from locations where commune_nis is not null order by id',
      )
    ).rows;
    const orgs = [...new Set(places.map((p) => p.org))];
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const rooms: { id: string; capacity: number; approval: boolean; n: number }[] = [];
    for (let i = 0; i < scale.rooms; i += 500) {
      const n = Math.min(500, scale.rooms - i);
      const chosen = Array.from({ length: n }, () => pick(places));
      const capacity = chosen.map(() => pick([8, 12, 15, 20, 25, 30, 40, 60, 80]));
      const approval = chosen.map(() => next() < 0.5);
      const texts = chosen.map((p, k) => {
        const [kind, feature] = [pick(roomKinds), pick(roomFeatures)];
        const place = (l: (typeof langs)[number]) => communes.get(p.commune)?.[l] ?? '';
        return {
          name: JSON.stringify(Object.fromEntries(langs.map((l) => [l, `${kind[l]} ${place(l)} ${i + k}`]))),
          description: JSON.stringify(
            Object.fromEntries(
              langs.map((l) => [l, roomText[l](kind[l], feature[l], place(l), capacity[k]!)]),
            ),
          ),
        };
      });
      const { rows } = await db.pool.query<{ id: string }>(
        `insert into rooms (organisation_id, location_id, name, description, capacity, accessibility, hourly_price_cents,
                            confirmation, notice_hours, min_minutes, max_minutes, is_demo, created_at, updated_at)
         select o, l, na::jsonb, de::jsonb, c,
                case when n % 3 = 0 then '{step_free}'::text[] else '{}'::text[] end,
                case when n % 5 < 3 then 0 else 1500 end, a, 24, 60, 240, true, now(), now()
           from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[])
                as t(o, l, c, a, n, na, de)
         returning id`,
        [
          chosen.map((p) => p.org),
          chosen.map((p) => p.id),
          capacity,
          approval.map((a) => (a ? 'approval' : 'at_once')),
          chosen.map((_, k) => i + k),
          texts.map((t) => t.name),
          texts.map((t) => t.description),
        ],
      );
      rows.forEach((r, k) =>
        rooms.push({ id: r.id, capacity: capacity[k]!, approval: approval[k]!, n: i + k }),
      );
    }
    // Hours as rooms have them: every day 09:00-22:00 for most (the seeded bookings fall in it),
    // evenings only, or weekdays and Saturday; a third closed one week of the year (a different
    // week each), so rooms seldom share all their rules.
    const patterns = [
      ['MO,TU,WE,TH,FR,SA,SU', '090000', 780],
      ['MO,TU,WE,TH,FR,SA,SU', '090000', 780],
      ['MO,TU,WE,TH,FR,SA,SU', '090000', 780],
      ['MO,TU,WE,TH,FR', '170000', 360],
      ['MO,TU,WE,TH,FR,SA', '080000', 840],
    ] as const;
    const rules: [string, string, string, number][] = [];
    rooms.forEach((room, n) => {
      const [days, opens, minutes] = patterns[n % patterns.length]!;
      rules.push([room.id, 'open', `DTSTART:20260105T${opens}\nRRULE:FREQ=WEEKLY;BYDAY=${days}`, minutes]);
      if (n % 3 === 0) {
        const closed = DateTime.now()
          .setZone(zone)
          .plus({ days: Math.floor(next() * 360) });
        rules.push([
          room.id,
          'closed',
          `DTSTART:${closed.toFormat('yyyyMMdd')}T000000\nRRULE:FREQ=DAILY;COUNT=1`,
          7 * 1440,
        ]);
      }
    });
    await db.pool.query(
      `insert into room_availability (room_id, kind, rule, minutes, created_at, updated_at)
       select r, k, u, m, now(), now() from unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) as t(r, k, u, m)`,
      [rules.map((r) => r[0]), rules.map((r) => r[1]), rules.map((r) => r[2]), rules.map((r) => r[3])],
    );
    // Each room: bookings on distinct days of the coming year, so they never overlap.
    const today = DateTime.now().setZone(zone).startOf('day');
    let bookings = 0;
    for (let i = 0; i < rooms.length; i += 100) {
      const values: [string, string, string, number][] = [];
      for (const room of rooms.slice(i, i + 100)) {
        const days = new Set<number>();
        while (days.size < scale.bookingsPerRoom) days.add(2 + Math.floor(next() * 360));
        for (const day of days) {
          const [from, to] = pick(slots);
          const at = (time: string) =>
            today
              .plus({ days: day })
              .set({ hour: Number(time.slice(0, 2)), minute: 0 })
              .toUTC()
              .toISO();
          values.push([
            room.id,
            pick(orgs),
            `[${at(from)},${at(to)})`,
            1 + Math.floor(next() * room.capacity),
          ]);
        }
      }
      await db.pool.query(
        `insert into bookings (room_id, organisation_id, period, attendees, status, decided_at, created_at, updated_at)
         select r, o, p::tstzrange, a, 'confirmed', now(), now(), now()
           from unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[]) as t(r, o, p, a)`,
        [values.map((v) => v[0]), values.map((v) => v[1]), values.map((v) => v[2]), values.map((v) => v[3])],
      );
      bookings += values.length;
    }
    // As autovacuum would soon after: statistics, and the visibility map for index-only scans.
    await db.pool.query('vacuum analyze rooms, bookings, room_availability');
    // A token for the asking organisation.
    const token = newToken();
    const asker = orgs[0]!;
    await db.pool.query(
      `insert into api_tokens (organisation_id, name, token_hash, prefix, created_at) values ($1, 'bench rooms', $2, 'psl_bench', now())`,
      [asker, hashToken(`psl_${token.token}`)],
    );
    return {
      rooms,
      bookings,
      token: `psl_${token.token}`,
      seconds: round2((performance.now() - started) / 1000),
    };
  } finally {
    await db.close();
  }
}

export async function benchSpaces(
  base: string,
  databaseUrl: string,
  tools: Tools,
  { connections, seconds }: { connections: number; seconds: number },
): Promise<SpacesBench> {
  const seeded = await seedRooms(databaseUrl, { rooms: 2000, bookingsPerRoom: 100 });
  console.log(`seeded ${seeded.rooms.length} rooms and ${seeded.bookings} bookings in ${seeded.seconds} s`);

  // Every Thursday evening of the coming year, 18:00-21:00, in Molenbeek, for 20.
  const firstThursday = DateTime.now().setZone(zone).startOf('week').plus({ weeks: 1, days: 3 });
  const thursdays = Array.from({ length: 50 }, (_, w) => {
    const day = firstThursday.plus({ weeks: w }).toISODate();
    return `/api/v1/rooms?commune=${molenbeek}&people=20&start=${day}T18:00&end=${day}T21:00&per_page=50`;
  });
  const uncached = await tools.timeEach(base, thursdays);
  const first = (await (await fetch(`${base}${thursdays[0]}`)).json()) as { meta: { total: number } };
  const all = (await (
    await fetch(`${base}/api/v1/rooms?commune=${molenbeek}&people=20&per_page=1`)
  ).json()) as {
    meta: { total: number };
  };
  console.log(
    `free rooms on Thursday evening in Molenbeek for 20: p95 ${uncached.p95} ms (${first.meta.total} of ${all.meta.total} free)`,
  );
  const search = await tools.load('/api/v1/rooms (Thursday evening, Molenbeek, 20)', base, thursdays);

  // Booking requests on rooms that ask their owners and are open every day, at hours no seeded
  // booking holds (09:00, 12:00, 13:00): each is a request the room takes, none refused.
  const next = random(5);
  // Rooms open every day from 09:00 (patterns 0-2 below) and never closed (n % 3 > 0).
  const approval = seeded.rooms.filter((r) => r.approval && r.n % 5 < 3 && r.n % 3 > 0);
  const requests = Array.from({ length: 40_000 }, () => {
    const room = approval[Math.floor(next() * approval.length)]!;
    const day = DateTime.now()
      .setZone(zone)
      .startOf('day')
      .plus({ days: 2 + Math.floor(next() * 360) });
    const hour = [9, 12, 13][Math.floor(next() * 3)]!;
    const at = (h: number) => day.set({ hour: h }).toISO({ suppressMilliseconds: true });
    return {
      path: '/api/v1/bookings',
      body: JSON.stringify({ room_id: room.id, start: at(hour), end: at(hour + 1), attendees: 5 }),
    };
  });
  const booking = await write('POST /api/v1/bookings (request a slot)', base, seeded.token, requests, {
    connections,
    seconds,
  });
  console.log(`booking requests: ${booking.requestsPerSecond} req/s, p95 ${booking.latencyMs.p95} ms`);
  return {
    rooms: seeded.rooms.length,
    bookings: seeded.bookings,
    seedSeconds: seeded.seconds,
    uncachedSearchMs: { queries: thursdays.length, ...uncached },
    found: { free: first.meta.total, candidates: all.meta.total },
    search,
    booking,
  };
}

export function spacesMarkdown(s: SpacesBench): string {
  const row = (r: Measured & { ratioToHealthz?: number }) =>
    `| ${r.name} | ${r.requestsPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.ratioToHealthz ?? 1} | ${r.errors + r.non2xx} |`;
  return [
    '',
    `Rooms: ${s.rooms} rooms (five patterns of weekly hours, a third closed one week of the year) with ${s.bookings} confirmed bookings over the coming year (seeded in ${s.seedSeconds} s). ` +
      `"Free rooms on Thursday evening in Molenbeek for 20 people", each of ${s.uncachedSearchMs.queries} Thursdays once: ` +
      `p50 ${s.uncachedSearchMs.p50} ms, p95 ${s.uncachedSearchMs.p95} ms, p99 ${s.uncachedSearchMs.p99} ms ` +
      `(the first Thursday: ${s.found.free} free of ${s.found.candidates} rooms for 20 or more in Molenbeek).`,
    '',
    '| route | req/s | p50 ms | p95 ms | p99 ms | ratio to /healthz | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row(s.search),
    row(s.booking),
    '',
  ].join('\n');
}
