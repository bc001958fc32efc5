// The network's events and questions in the one search, through the app: found by a word of their
// title (in another language through the thesaurus), counted in the type facet, shown with their
// own card; never when a visitor may not see them; and a change followed within the live-index
// refresh.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchApi } from '../../../../test/helpers/search-api.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { loadDemoEvents } from '../events/demo-events.ts';
import { loadDemoQuestions } from '../questions/demo-questions.ts';

const shared = useTestApp();
const { get } = shared;

const { api, eventually } = searchApi(get, 'en');
const db = () => shared.t.database.db;

async function anOrganisation(): Promise<string> {
  const { rows } = await db().execute<{ id: string }>(sql`select id from organisations limit 1`);
  return rows[0]!.id;
}

async function addEvent(title: Record<string, string>, days = 7): Promise<string> {
  const organisationId = await anOrganisation();
  const { rows } = await db().execute<{ id: string }>(sql`
    insert into events (organisation_id, kind, title, description, place_kind, online_url, starts_at, ends_at)
    values (${organisationId}, 'training', ${JSON.stringify(title)}::jsonb, '{}', 'online', 'https://example.org/join',
            now() + make_interval(days => ${days}), now() + make_interval(days => ${days}, hours => 2))
    returning id`);
  const id = rows[0]!.id;
  await db().execute(sql`
    insert into event_occurrences (event_id, starts_at, ends_at)
    select id, starts_at, ends_at from events where id = ${id}`);
  return id;
}

async function addQuestion(title: string, language: string, visibility = 'everyone'): Promise<string> {
  const { rows } = await db().execute<{ id: string }>(sql`
    insert into questions (title, body, language, visibility, search_terms)
    values (${title}, ${`${title}?`}, ${language}, ${visibility}, ''::tsvector) returning id`);
  return rows[0]!.id;
}

// The demo's events and questions, as a demo start loads them (server.ts), once the app runs.
beforeAll(async () => {
  await loadDemoEvents(shared.t.database.db, new Date());
  await loadDemoQuestions(shared.t.database.db, new Date());
  await eventually('type=event', (items) => items.length > 0);
  await eventually('type=question', (items) => items.length > 0);
});

describe('events and questions in the one search', () => {
  it('counts every type in the type facet and filters on it', async () => {
    const all = await api('per_page=1');
    const types = new Map(all.facets.type.map((f) => [f.value, f.count]));
    expect(types.get('service')).toBeGreaterThan(0);
    expect(types.get('event')).toBeGreaterThan(0);
    expect(types.get('question')).toBeGreaterThan(0);
    const events = await api('type=event&per_page=50');
    expect(events.meta.total).toBe(types.get('event'));
    expect(events.data.every((i) => i.type === 'event')).toBe(true);
    // The facet still offers the other types.
    expect(events.facets.type.map((f) => f.value)).toContain('service');
    const two = await api('type=event&type=question&per_page=1');
    expect(two.meta.total).toBe(types.get('event')! + types.get('question')!);
  });

  it('finds a demo event by its title, with its date, owner and page', async () => {
    const [item] = (await api('q=Netwerkdag welzijn&type=event')).data;
    expect(item).toMatchObject({ type: 'event', organisation: null, links: { self: null } });
    expect(item!.links.html.fr).toBe(`/fr/events/${item!.id}`);
    expect(item!.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(item!.owner_name).not.toBeNull();
  });

  it('finds a French question from a Dutch word, through the thesaurus', async () => {
    const items = (await api('q=OCMW&type=question')).data;
    expect(items.map((i) => i.name.fr)).toContain(
      'Quels documents pour demander le revenu d’intégration au CPAS ?',
    );
    // Dated by the day it was asked (in Brussels): its card shows no time.
    for (const item of items) expect(item.date).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it('never finds a members-only or hidden question, nor a hidden answer’s words', async () => {
    expect((await api('q=evicted&type=question')).data).toEqual([]);
    const open = await addQuestion('Vlinderkoffer uitlenen', 'nl');
    const members = await addQuestion('Kwakkelkoffer uitlenen', 'nl', 'members');
    expect((await eventually('q=Vlinderkoffer', (i) => i.length > 0)).map((i) => i.id)).toEqual([open]);
    expect((await api('q=Kwakkelkoffer')).data).toEqual([]);
    await db().execute(sql`
      insert into answers (question_id, body, language) values (${open}, 'Vraag het aan de Zwirbelbib', 'nl')`);
    expect((await eventually('q=Zwirbelbib', (i) => i.length > 0)).map((i) => i.id)).toEqual([open]);
    await db().execute(sql`update answers set hidden_at = now() where question_id = ${open}`);
    expect(await eventually('q=Zwirbelbib', (i) => i.length === 0)).toEqual([]);
    await db().execute(sql`update questions set hidden_at = now() where id = ${open}`);
    expect(await eventually('q=Vlinderkoffer', (i) => i.length === 0)).toEqual([]);
    // Made public: found.
    await db().execute(sql`update questions set visibility = 'everyone' where id = ${members}`);
    expect((await eventually('q=Kwakkelkoffer', (i) => i.length > 0)).map((i) => i.id)).toEqual([members]);
  });

  it('follows an event being published, edited and cancelled', async () => {
    const id = await addEvent({ fr: 'Atelier médiation de dettes Papillonville' });
    // By a Dutch word, through the thesaurus.
    const found = await eventually('q=schuldbemiddeling&type=event', (i) => i.some((e) => e.id === id));
    expect(found.map((i) => i.id)).toContain(id);
    await db().execute(sql`update events set title = '{"fr":"Atelier Cerfvolant"}' where id = ${id}`);
    expect((await eventually('q=Cerfvolant', (i) => i.length > 0)).map((i) => i.id)).toEqual([id]);
    expect((await api('q=Papillonville')).data).toEqual([]);
    await db().execute(sql`update events set status = 'cancelled' where id = ${id}`);
    expect(await eventually('q=Cerfvolant', (i) => i.length === 0)).toEqual([]);
  });

  it('never finds an event long past', async () => {
    const past = await addEvent({ nl: 'Oude Sprinkhaandag' }, -90);
    // A later change, seen by search: the one before it was read too.
    const later = await addEvent({ nl: 'Nieuw Sprinkhaanfeest' });
    expect((await eventually('q=Sprinkhaanfeest', (i) => i.length > 0)).map((i) => i.id)).toEqual([later]);
    expect((await api('q=Sprinkhaandag')).data.map((i) => i.id)).not.toContain(past);
  });

  it('fills a visitor’s box of questions beside the results from the index, not from a search in PostgreSQL', async () => {
    // Its terms in PostgreSQL are empty: only the index, which reads its title and text, finds it.
    const id = await addQuestion('Grommelkoffer voor een vormingsdag', 'nl');
    await eventually('q=Grommelkoffer&type=question', (i) => i.length > 0);
    const page = (await get('/en/search?q=Grommelkoffer')).body;
    const box = page.slice(page.indexOf('id="related-results"'));
    expect(box).toContain(`href="/en/questions/${id}" lang="nl"`);
    expect(box).toContain('href="/en/questions?q=Grommelkoffer"');
    // Hidden: gone from the box as from the results.
    await db().execute(sql`update questions set hidden_at = now() where id = ${id}`);
    await eventually('q=Grommelkoffer&type=question', (i) => i.length === 0);
    expect((await get('/en/search?q=Grommelkoffer')).body).not.toContain(`/en/questions/${id}`);
  });

  it('shows events and questions with their own cards and the type filter on the page', async () => {
    const res = await get('/en/search?q=netwerkdag');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/class="card result result-event"/);
    expect(res.body).toMatch(/<span class="badge">Event<\/span>/);
    expect(res.body).toMatch(/href="\/en\/events\/[0-9a-f-]+"/);
    // A card's date-time ends with its time of day in Brussels.
    const times = [...res.body.matchAll(/<time datetime="([^"]{11,})">([^<]*)<\/time>/g)];
    const brussels = { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' } as const;
    for (const [, datetime, shown] of times)
      expect(shown).toContain(new Date(datetime!).toLocaleTimeString('en', brussels));
    expect(res.body).toMatch(/name="type" value="event"/);
    const nl = await get('/nl/search?type=question');
    expect(nl.body).toMatch(/name="type" value="question" checked/);
    expect(nl.body).toContain('Vraag</span>');
    const bad = await get('/fr/search?type=castle');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Demande non valable');
  });
});
