// Rooms for tests: published through the form by an editor of an organisation with a place, open
// every day of the week, and the slots of next week in Brussels time.
import { DateTime } from 'luxon';
import { type Member, memberOf, sql } from './members.ts';
import type { TestApp } from './test-app.ts';

/** An organisation with a place, and an editor of it; `skip` picks another one. */
export async function roomOwner(
  t: TestApp,
  skip = 0,
): Promise<{ org: string; location: string; editor: Member }> {
  const [row] = await sql(
    t,
    `select o.id as org, min(l.id::text) as location from organisations o join locations l on l.organisation_id = o.id
     group by o.id, o.provenance_id order by o.provenance_id limit 1 offset $1`,
    [skip],
  );
  return { org: row.org, location: row.location, editor: await memberOf(t, row.org, ['editor']) };
}

/** The form's fields for a room, open 09:00–22:00 every day unless said otherwise. */
export function roomForm(location: string, fields: Record<string, string | string[]> = {}) {
  const week: Record<string, string> = {};
  for (let day = 1; day <= 7; day++)
    Object.assign(week, { [`d${day}w1o`]: '09:00', [`d${day}w1c`]: '22:00' });
  return {
    'name.en': 'Meeting room',
    'name.fr': 'Salle de réunion',
    location,
    capacity: '20',
    min_minutes: '30',
    max_minutes: '240',
    notice_hours: '24',
    who_may_ask: 'any_organisation',
    confirmation: 'approval',
    ...week,
    ...fields,
  };
}

/** Publishes a room through the form; its id. */
export async function publishRoom(
  t: TestApp,
  owner: { org: string; location: string; editor: Member },
  fields: Record<string, string | string[]> = {},
): Promise<string> {
  await owner.editor.get(`/en/manage/organisations/${owner.org}/rooms/new`);
  const res = await owner.editor.post(
    `/en/manage/organisations/${owner.org}/rooms`,
    roomForm(owner.location, fields),
  );
  if (res.statusCode !== 303)
    throw new Error(`room not published: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return /\/manage\/rooms\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
}

/** A day of next week ("2026-12-14"), 1 = Monday, and a moment of it in Brussels time as ISO 8601 with its offset. */
export function nextWeek(day: number, time?: string): string {
  const date = DateTime.now()
    .setZone('Europe/Brussels')
    .startOf('week')
    .plus({ weeks: 1, days: day - 1 });
  if (!time) return date.toISODate()!;
  const [hour, minute] = time.split(':').map(Number);
  return date.set({ hour, minute }).toISO({ suppressMilliseconds: true })!;
}

/** An API token of an organisation, made by an admin on the API tokens page. */
export async function tokenOf(t: TestApp, org: string): Promise<string> {
  const admin = await memberOf(t, org, ['admin']);
  await admin.get(`/en/manage/organisations/${org}/api-tokens`);
  const res = await admin.post(`/en/manage/organisations/${org}/api-tokens`, { name: 'Rooms' });
  return /<code class="token">(psl_[A-Za-z0-9_-]{43})<\/code>/.exec(res.body)![1]!;
}
