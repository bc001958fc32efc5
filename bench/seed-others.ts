// The other searchable kinds next to the seeded directory, so that the search, memory and restart
// figures are taken on an index as large as issue 19 asks ("50,000 services plus 50,000 documents
// of the other kinds"): published events (dated ahead, some in the last 30 days), public questions
// with answers, published good practices, rooms, open offers and published calls, about `total`
// of them together, each made by the seeder its own bench uses later (network-seed.ts,
// knowledge-seed.ts, spaces.ts, exchange-seed.ts, calls-seed.ts) with other random seeds, bench
// people and slugs, so those benches still seed theirs next to these. Only what each module's
// search source indexes is seeded here; glossary terms exist already. All of it is bench data.
import { connectDatabase } from '../src/db/client.ts';
import { seedCalls } from './calls-seed.ts';
import { seedExchange } from './exchange-seed.ts';
import { seedKnowledge } from './knowledge-seed.ts';
import { round2 } from './measure.ts';
import { seedNetwork } from './network-seed.ts';
import { seedRooms } from './spaces.ts';

export const otherKinds = ['event', 'question', 'practice', 'room', 'offer', 'call'] as const;
export type OtherKind = (typeof otherKinds)[number];

/** How the other documents divide between the kinds. */
const shares: Record<OtherKind, number> = {
  event: 0.2,
  question: 0.25,
  practice: 0.12,
  room: 0.08,
  offer: 0.25,
  call: 0.1,
};

export interface OtherSeed {
  /** Documents seeded of each kind, each one the search indexes. */
  documents: Record<OtherKind, number>;
  /** Answers to the questions (found with their question, not documents of their own). */
  answers: number;
  seconds: number;
}

export async function seedOtherKinds(databaseUrl: string, total: number): Promise<OtherSeed> {
  const started = performance.now();
  const n = Object.fromEntries(otherKinds.map((k) => [k, Math.round(total * shares[k])])) as Record<
    OtherKind,
    number
  >;
  const documents = Object.fromEntries(otherKinds.map((k) => [k, 0])) as Record<OtherKind, number>;
  if (total <= 0) return { documents, answers: 0, seconds: 0 };
  const network = await seedNetwork(
    databaseUrl,
    {
      events: n.event,
      questions: n.question,
      answersPerQuestion: 1,
      recentShare: 0.15,
      membersShare: 0,
      minAnswers: 1,
    },
    { tag: 'others', seed: 115 },
  );
  documents.event = network.events;
  documents.question = network.publicQuestionIds.length;
  documents.practice = (
    await seedKnowledge(databaseUrl, { practices: n.practice, paths: 0 }, { slugPrefix: 'others', seed: 116 })
  ).practices;
  documents.room = (await seedRooms(databaseUrl, { rooms: n.room, bookingsPerRoom: 0 }, 121)).rooms.length;
  const db = connectDatabase(databaseUrl, { max: 2 });
  try {
    documents.offer = (await seedExchange(db.db, { posts: n.offer, openOffersOnly: true, seed: 117 })).posts;
    documents.call = (await seedCalls(db.db, { calls: n.call, publishedShare: 1, seed: 123 })).calls;
  } finally {
    await db.close();
  }
  return { documents, answers: network.answers, seconds: round2((performance.now() - started) / 1000) };
}

/** The documents of each type in a server's search index (the search's type facet, nothing asked). */
export async function indexedByType(base: string): Promise<Record<string, number>> {
  const res = await fetch(`${base}/api/v1/search?per_page=1`);
  if (!res.ok) throw new Error(`search answered ${res.status}`);
  const body = (await res.json()) as { facets: { type: { value: string; count: number }[] } };
  return Object.fromEntries(body.facets.type.map((f) => [f.value, f.count]));
}

/** Waits until the server's index holds at least `expected` documents of each type. */
export async function waitUntilTypesIndexed(
  base: string,
  expected: Record<string, number>,
): Promise<Record<string, number>> {
  const deadline = Date.now() + 600_000;
  let last: Record<string, number> = {};
  while (Date.now() < deadline) {
    last = await indexedByType(base).catch(() => last);
    if (Object.entries(expected).every(([type, count]) => (last[type] ?? 0) >= count)) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `the search index did not catch up: ${JSON.stringify(last)} of ${JSON.stringify(expected)}`,
  );
}

export const otherKindsMarkdown = (seed: OtherSeed, indexed: Record<string, number>): string =>
  `Other kinds seeded before the search, memory and restart figures (in ${seed.seconds} s): ` +
  otherKinds.map((k) => `${seed.documents[k]} ${k}s`).join(', ') +
  ` (the questions with ${seed.answers} answers). The server's index then held ` +
  Object.entries(indexed)
    .map(([type, count]) => `${count} ${type}s`)
    .join(', ') +
  '.';
