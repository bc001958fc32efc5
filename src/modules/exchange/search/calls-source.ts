// The exchange's funding calls for search: one document per published call (a withdrawn one exists
// only for its publisher and the moderators) whose deadline is ahead or passed less than 30 days
// ago, found by its title and summary, dated by its deadline. Triggers on exchange_calls log the
// call in the shared search change log (migration 0039), a change of its publisher's name too
// (migration 0042); the exchange's search window job logs the calls time moved out of the window.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { changeLog, otherDoc, type SearchSource } from '../../search/index.ts';

interface CallSearchRow {
  id: string;
  title: I18nText;
  summary: I18nText;
  themes: string[];
  communes: string[];
  publisherName: I18nText | null;
  closesAt: Date | string;
}

export async function callDocuments(db: Executor, ownerIds?: string[]) {
  const only = ownerIds ? sql`and c.id = any(${sql.param(ownerIds)}::uuid[])` : sql``;
  const rows = (
    await db.execute(sql`
      select c.id, c.title, c.summary, c.themes, c.communes, o.name as "publisherName", c.closes_at as "closesAt"
      from exchange_calls c left join organisations o on o.id = c.publisher_id
      where c.status = 'published' and c.closes_at >= now() - interval '30 days' ${only}`)
  ).rows as unknown as CallSearchRow[];
  return rows.map((r) =>
    otherDoc({
      type: 'call',
      id: r.id,
      title: r.title,
      text: r.summary,
      path: `/exchange/calls/${r.id}`,
      date: new Date(r.closesAt).toISOString(),
      ownerName: r.publisherName ?? undefined,
      themes: r.themes,
      communes: r.communes,
    }),
  );
}

export const callsSearchSource: SearchSource = {
  name: 'calls',
  // Closes, ends or moves to its next date with the clock (see SearchSource).
  ...changeLog('calls'),
  documents: callDocuments,
  // A call leaves the index 30 days after its deadline (exchange_calls_calendar_idx).
  crossedWindow: (from, to) => sql`
    select c.id::text from exchange_calls c
    where c.status = 'published'
      and c.closes_at > ${from} - interval '30 days' and c.closes_at <= ${to} - interval '30 days'`,
};
