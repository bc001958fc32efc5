// The network's events for search: one document per published event with a date that is not
// called off and has not ended more than 30 days ago (upcoming or recent). Event pages are public
// (members-only events too: only registering is limited), so those are all a visitor may see. A
// cancelled event, or one whose dates are all called off, leaves the index. Triggers on events and
// their dates log the event in the shared search change log (migration 0037), a change of its
// organisation's name too (migration 0042); the network's search window job logs the events time
// moved (crossedWindow, search-window.ts in search).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { changeLog, otherDoc, type SearchSource } from '../../search/index.ts';

/** How long an event stays findable after its last date ended. */
export const recentDays = 30;

interface EventSearchRow {
  id: string;
  title: I18nText;
  description: I18nText;
  languages: string[];
  themes: string[];
  communeNis: string | null;
  address: string | null;
  organisationName: I18nText | null;
  /** The next date's start, else the last one's. */
  date: Date | string | null;
}

const iso = (value: Date | string | null) =>
  value === null ? undefined : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export async function eventDocuments(db: Executor, ownerIds?: string[]) {
  const only = ownerIds ? sql`and e.id = any(${sql.param(ownerIds)}::uuid[])` : sql``;
  const live = sql`x.event_id = e.id and x.cancelled_at is null`;
  const rows = (
    await db.execute(sql`
      select e.id, e.title, e.description, e.languages, e.themes, e.commune_nis as "communeNis", e.address,
             o.name as "organisationName",
             coalesce((select min(x.starts_at) from event_occurrences x where ${live} and x.ends_at >= now()),
                      (select max(x.starts_at) from event_occurrences x where ${live})) as "date"
      from events e left join organisations o on o.id = e.organisation_id
      where e.status = 'published'
        and exists (select 1 from event_occurrences x
                    where ${live} and x.ends_at >= now() - make_interval(days => ${recentDays}))
        ${only}`)
  ).rows as unknown as EventSearchRow[];
  return rows.map((r) =>
    otherDoc({
      type: 'event',
      id: r.id,
      title: r.title,
      text: r.description,
      path: `/events/${r.id}`,
      date: iso(r.date),
      ownerName: r.organisationName ?? undefined,
      themes: r.themes,
      communes: r.communeNis ? [r.communeNis] : [],
      languages: r.languages,
      place: r.address ? [r.address] : [],
    }),
  );
}

export const eventsSearchSource: SearchSource = {
  name: 'events',
  // Closes, ends or moves to its next date with the clock (see SearchSource).
  ...changeLog('events'),
  documents: eventDocuments,
  // As time passes an event shows its next date once a date has ended, and leaves the index 30 days
  // after its last one: both when a date's end is passed (event_occurrences_end_idx).
  crossedWindow: (from, to) => sql`
    select distinct x.event_id::text from event_occurrences x
    where x.cancelled_at is null
      and ((x.ends_at > ${from} and x.ends_at <= ${to})
        or (x.ends_at > ${from} - make_interval(days => ${recentDays})
            and x.ends_at <= ${to} - make_interval(days => ${recentDays})))`,
};
