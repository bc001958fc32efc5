// The spaces module's rooms for search: one document per room, found by its name and description,
// with its organisation, the commune and point of its place. Every room's page is public (asking
// for it needs an account), so every room is a document. Triggers on rooms log the room in the
// shared search change log (migration 0039); a change of its organisation's name or of its place
// (a directory location) logs it too (migration 0042).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { changeLog, otherDoc, type SearchSource } from '../../search/index.ts';

interface RoomSearchRow {
  id: string;
  name: I18nText;
  description: I18nText;
  organisationName: I18nText | null;
  communeNis: string | null;
  address: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
}

export async function roomDocuments(db: Executor, ownerIds?: string[]) {
  const only = ownerIds ? sql`where r.id = any(${sql.param(ownerIds)}::uuid[])` : sql``;
  const rows = (
    await db.execute(sql`
      select r.id, r.name, r.description, o.name as "organisationName", l.commune_nis as "communeNis",
             l.address, l.postcode, l.latitude, l.longitude
      from rooms r left join organisations o on o.id = r.organisation_id
      left join locations l on l.id = r.location_id ${only}`)
  ).rows as unknown as RoomSearchRow[];
  return rows.map((r) =>
    otherDoc({
      type: 'room',
      id: r.id,
      title: r.name,
      text: r.description,
      path: `/rooms/${r.id}`,
      ownerName: r.organisationName ?? undefined,
      communes: r.communeNis ? [r.communeNis] : [],
      points: r.latitude !== null && r.longitude !== null ? [{ lat: r.latitude, lon: r.longitude }] : [],
      place: [r.address, r.postcode].filter((p): p is string => Boolean(p)),
    }),
  );
}

export const roomsSearchSource: SearchSource = {
  name: 'rooms',
  ...changeLog('rooms'),
  documents: roomDocuments,
};
