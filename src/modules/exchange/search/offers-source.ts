// The exchange's offers for search: one document per offer (direction "offer") on the board, that
// is open and not past its last day (Brussels). Fulfilled, closed and expired posts exist only for
// their organisation and the moderators, so they are never indexed; requests are not offers and
// stay on the board's own search. The board is public, so what is indexed is what anonymous readers
// see. Triggers on exchange_posts log the post in the shared search change log (migration 0039), a
// change of its organisation's name too (migration 0042); an offer past its day leaves the index
// when its day is over (the exchange's search window job, crossedWindow).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { changeLog, otherDoc, type SearchSource } from '../../search/index.ts';
import { brusselsDay } from '../../../shared/brussels-time.ts';

interface OfferSearchRow {
  id: string;
  title: I18nText;
  body: I18nText;
  languages: string[];
  themes: string[];
  communes: string[];
  organisationName: I18nText | null;
  createdAt: Date | string;
}

export async function offerDocuments(db: Executor, ownerIds?: string[]) {
  const only = ownerIds ? sql`and p.id = any(${sql.param(ownerIds)}::uuid[])` : sql``;
  const rows = (
    await db.execute(sql`
      select p.id, p.title, p.body, p.languages, p.themes, p.communes, o.name as "organisationName",
             p.created_at as "createdAt"
      from exchange_posts p left join organisations o on o.id = p.organisation_id
      where p.direction = 'offer' and p.status = 'open'
        and p.until >= (now() at time zone 'Europe/Brussels')::date ${only}`)
  ).rows as unknown as OfferSearchRow[];
  return rows.map((r) =>
    otherDoc({
      type: 'offer',
      id: r.id,
      title: r.title,
      text: r.body,
      path: `/exchange/${r.id}`,
      date: brusselsDay(new Date(r.createdAt)),
      ownerName: r.organisationName ?? undefined,
      themes: r.themes,
      communes: r.communes,
      languages: r.languages,
    }),
  );
}

export const offersSearchSource: SearchSource = {
  name: 'offers',
  // Closes, ends or moves to its next date with the clock (see SearchSource).
  ...changeLog('offers'),
  documents: offerDocuments,
  // An open offer leaves the index when its last day (Brussels) is over, before the morning job
  // marks it expired (exchange_posts_until_idx).
  crossedWindow: (from, to) => sql`
    select p.id::text from exchange_posts p
    where p.status = 'open' and p.direction = 'offer'
      and p.until >= (${from} at time zone 'Europe/Brussels')::date
      and p.until < (${to} at time zone 'Europe/Brussels')::date`,
};
