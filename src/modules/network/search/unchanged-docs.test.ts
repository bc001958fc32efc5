// A change that alters nothing a document shows or is found by leaves the index as it is (its
// version too, so no search cache is cleared); one that alters only what a document is found by
// (a question's answers, searched but never shown) still updates it. Real PostgreSQL, the
// network's own sources and triggers.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { LiveSearchIndex } from '../../search/live-index.ts';
import { eventsSearchSource } from './events-source.ts';
import { questionsSearchSource } from './questions-source.ts';

let database: TestDatabase;
let live: LiveSearchIndex;

const found = (text: string, type: 'event' | 'question') =>
  live.index
    .search({ text, filters: { type: [type] }, sort: 'relevance', offset: 0, limit: 10 })
    .hits.map((h) => h.doc.id);

/** How many times the change logs named this owner: that the change did reach the index. */
const logged = async (ownerId: string) =>
  (
    await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from search_changes where owner_id = ${ownerId}`,
    )
  ).rows[0]!.n;

beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
});

afterAll(async () => {
  await live?.close();
  await database.drop();
});

describe('changes that alter nothing in the index', () => {
  let eventId: string;
  let occurrenceId: string;
  let questionId: string;
  let answerId: string;

  beforeAll(async () => {
    const organisation = await database.db.execute<{ id: string }>(
      sql`insert into organisations (name, kind) values (${{ en: 'Tidewater Hub' }}, 'formal') returning id`,
    );
    const event = await database.db.execute<{ id: string }>(sql`
      insert into events (organisation_id, kind, title, place_kind, online_url, starts_at, ends_at)
      values (${organisation.rows[0]!.id}, 'network_day', ${{ en: 'Harbour breakfast' }}, 'online',
              'https://meet.test/x', now() + interval '3 days', now() + interval '3 days 2 hours')
      returning id`);
    eventId = event.rows[0]!.id;
    const occurrence = await database.db.execute<{ id: string }>(sql`
      insert into event_occurrences (event_id, starts_at, ends_at)
      values (${eventId}, now() + interval '3 days', now() + interval '3 days 2 hours') returning id`);
    occurrenceId = occurrence.rows[0]!.id;
    const question = await database.db.execute<{ id: string }>(sql`
      insert into questions (title, body, language, search_terms)
      values ('Where to store winter coats?', 'We collect coats for the winter.', 'en', ''::tsvector)
      returning id`);
    questionId = question.rows[0]!.id;
    const answer = await database.db.execute<{ id: string }>(sql`
      insert into answers (question_id, body, language)
      values (${questionId}, 'The parish cellar on Quayside street is dry.', 'en') returning id`);
    answerId = answer.rows[0]!.id;
    live = new LiveSearchIndex(database, [eventsSearchSource, questionsSearchSource], {
      pollMs: 600_000,
      listen: false,
    });
    await live.ready;
  });

  it('keeps the version when a registration is counted on an event', async () => {
    expect(found('breakfast', 'event')).toEqual([eventId]);
    const version = live.index.version;
    const before = await logged(eventId);
    // What registering does to the event's date (registrations.ts): its count, with the row locked.
    await database.db.execute(
      sql`update event_occurrences set confirmed = confirmed + 1 where id = ${occurrenceId}`,
    );
    expect(await logged(eventId)).toBeGreaterThan(before);
    await live.refresh();
    expect(live.index.version).toBe(version);
    expect(live.index.sourceVersion('events')).toBeGreaterThan(0);
    expect(found('breakfast', 'event')).toEqual([eventId]);

    // A change shown on the card does change it.
    await database.db.execute(
      sql`update events set title = ${{ en: 'Harbour brunch' }} where id = ${eventId}`,
    );
    await live.refresh();
    expect(live.index.version).toBeGreaterThan(version);
    expect(found('brunch', 'event')).toEqual([eventId]);
  });

  it('updates the index when an answer, found but never shown, is hidden', async () => {
    expect(found('quayside', 'question')).toEqual([questionId]);
    const version = live.index.sourceVersion('questions');
    await database.db.execute(sql`update answers set hidden_at = now() where id = ${answerId}`);
    await live.refresh();
    expect(found('quayside', 'question')).toEqual([]);
    expect(found('coats', 'question')).toEqual([questionId]);
    expect(live.index.sourceVersion('questions')).toBeGreaterThan(version);
  });
});
