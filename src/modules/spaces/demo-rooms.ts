// Demo rooms, so that the rooms' pages of a demo start are not empty: made up, at the places of two
// demo organisations (organisations.is_demo), and marked as demo themselves (rooms.is_demo). Loaded
// once, with the demo directory, into a database without rooms.
import { count } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { getOrganisation, listOrganisationRows } from '../directory/index.ts';
import { weeklyRule } from './availability/availability.ts';
import { roomAvailability, rooms } from './spaces.schema.ts';

const demoRooms = [
  {
    name: { nl: 'Ontmoetingszaal', fr: 'Salle de rencontre', en: 'Meeting hall' },
    description: {
      nl: 'Lichte zaal op het gelijkvloers, met keuken. Onze bewoners komen graag eens binnen.',
      fr: 'Salle lumineuse au rez-de-chaussée, avec cuisine. Nos résidents aiment passer.',
      en: 'Bright ground-floor hall with a kitchen. Our residents like to drop in.',
    },
    capacity: 40,
    floorArea: 80,
    accessibility: ['step_free', 'accessible_toilet'],
    equipment: ['tables_chairs', 'kitchen', 'wifi'],
    conditions: ['residents_may_join', 'no_alcohol', 'key_from_reception'],
    confirmation: 'approval' as const,
    monthlyQuotaHours: 12,
    // Weekday evenings and Saturday afternoon.
    windows: [
      { days: [1, 2, 3, 4, 5], opens: '18:00', minutes: 240 },
      { days: [6], opens: '13:00', minutes: 300 },
    ],
  },
  {
    name: { nl: 'Vergaderlokaal', fr: 'Salle de réunion', en: 'Meeting room' },
    description: {
      nl: 'Klein lokaal voor vergaderingen tot twaalf personen, met scherm.',
      fr: 'Petite salle pour des réunions jusqu’à douze personnes, avec écran.',
      en: 'Small room for meetings of up to twelve people, with a screen.',
    },
    capacity: 12,
    floorArea: 25,
    accessibility: ['step_free'],
    equipment: ['tables_chairs', 'screen', 'wifi', 'whiteboard'],
    conditions: ['leave_tidy'],
    confirmation: 'at_once' as const,
    monthlyQuotaHours: null,
    windows: [{ days: [1, 2, 3, 4, 5], opens: '09:00', minutes: 480 }],
  },
];

export async function loadDemoRooms(db: Database): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(rooms);
  if ((existing?.n ?? 0) > 0) return 0;
  const organisations = (await listOrganisationRows(db, { page: 1, perPage: 100 })).items.filter(
    (o) => o.isDemo,
  );
  const hosts: { organisationId: string; locationId: string }[] = [];
  for (const o of organisations) {
    const place = (await getOrganisation(db, o.id)).locations[0];
    if (place) hosts.push({ organisationId: o.id, locationId: place.id });
    if (hosts.length === demoRooms.length) break;
  }
  await db.transaction(async (tx) => {
    for (const [i, host] of hosts.entries()) {
      const { windows, ...room } = demoRooms[i]!;
      const [row] = await tx
        .insert(rooms)
        .values({ ...room, ...host, isDemo: true, minMinutes: 60, maxMinutes: 240, noticeHours: 24 })
        .returning({ id: rooms.id });
      await tx.insert(roomAvailability).values(
        windows.map((w) => ({
          roomId: row!.id,
          kind: 'open' as const,
          rule: weeklyRule(w.days, w.opens),
          minutes: w.minutes,
        })),
      );
    }
  });
  return hosts.length;
}
