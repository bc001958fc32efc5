// Rooms, offers and funding calls in the one search, through the app: found by a word of their
// title; a request (not an offer), a closed offer and a withdrawn call never; changes followed
// within the live-index refresh.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchApi } from '../../../../test/helpers/search-api.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { loadDemoRooms } from '../../spaces/demo-rooms.ts';
import { loadDemoCalls } from '../calls/demo-calls.ts';
import { loadDemoPosts } from '../posts/demo-posts.ts';

const shared = useTestApp();
const { get } = shared;

const { api, eventually } = searchApi(get, 'en');

beforeAll(async () => {
  const { db } = shared.t.database;
  await loadDemoRooms(db);
  await loadDemoPosts(db, new Date());
  await loadDemoCalls(db, new Date());
  for (const type of ['room', 'offer', 'call']) await eventually(`type=${type}`, (items) => items.length > 0);
});

describe('rooms, offers and funding calls in the one search', () => {
  it('finds a room by its name in any language, with its organisation and page', async () => {
    const [room] = (await api('q=Vergaderlokaal&type=room')).data;
    expect(room).toMatchObject({ type: 'room', name: { en: 'Meeting room' } });
    expect(room!.links.html.fr).toBe(`/fr/rooms/${room!.id}`);
    expect(room!.owner_name).not.toBeNull();
  });

  it('finds an open offer, never a request, and follows its closing', async () => {
    const offers = (await api('q=tigrinya&type=offer')).data;
    expect(offers.map((o) => o.name.en)).toEqual(['Volunteer interpreters: Tigrinya, Amharic, Arabic']);
    expect(offers[0]!.links.html.nl).toBe(`/nl/exchange/${offers[0]!.id}`);
    // The request for an interpreter is not an offer, and no other type holds it.
    const all = (await api('q=tigrinya&per_page=50')).data;
    expect(all.some((i) => i.name.nl === 'Tolk Tigrinya gezocht voor ouderavonden')).toBe(false);
    await shared.t.database.db.execute(
      sql`update exchange_posts set status = 'closed', closed_at = now() where id = ${offers[0]!.id}`,
    );
    expect(await eventually('q=tigrinya&type=offer', (i) => i.length === 0)).toEqual([]);
  });

  it('finds a published call by its deadline, and follows its withdrawal', async () => {
    const [call] = (await api('q=projectoproep buurtwerking&type=call')).data;
    expect(call).toMatchObject({ type: 'call' });
    expect(call!.links.html.en).toBe(`/en/exchange/calls/${call!.id}`);
    expect(call!.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    await shared.t.database.db.execute(
      sql`update exchange_calls set status = 'withdrawn', withdrawn_at = now() where id = ${call!.id}`,
    );
    const left = await eventually('q=projectoproep buurtwerking&type=call', (i) =>
      i.every((c) => c.id !== call!.id),
    );
    expect(left.map((c) => c.id)).not.toContain(call!.id);
  });
});
