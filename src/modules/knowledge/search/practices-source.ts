// The knowledge module's good practices for search: one document per published practice (drafts
// and unpublished ones are read only by their organisation and the moderators, so never indexed),
// found by its title, summary and story, with its owner, themes and communes. Triggers on practices
// log it in the shared search change log (migration 0038), a change of its organisation's name too
// (migration 0042).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { changeLog, otherDoc, type SearchSource } from '../../search/index.ts';
import { brusselsDay } from '../../../shared/brussels-time.ts';

interface PracticeSearchRow {
  id: string;
  slug: string;
  title: I18nText;
  summary: I18nText;
  story: I18nText;
  themes: string[];
  communes: string[];
  organisationName: I18nText | null;
  publishedAt: Date | string;
}

export async function practiceDocuments(db: Executor, ownerIds?: string[]) {
  const only = ownerIds ? sql`and p.id = any(${sql.param(ownerIds)}::uuid[])` : sql``;
  const rows = (
    await db.execute(sql`
      select p.id, p.slug, p.title, p.summary, p.story, p.themes, p.communes,
             o.name as "organisationName", p.published_at as "publishedAt"
      from practices p left join organisations o on o.id = p.organisation_id
      where p.status = 'published' ${only}`)
  ).rows as unknown as PracticeSearchRow[];
  return rows.map((r) =>
    otherDoc({
      type: 'practice',
      id: r.id,
      title: r.title,
      text: r.summary,
      moreText: [r.story],
      path: `/practices/${r.slug}`,
      date: brusselsDay(new Date(r.publishedAt)),
      ownerName: r.organisationName ?? undefined,
      themes: r.themes,
      communes: r.communes,
    }),
  );
}

export const practicesSearchSource: SearchSource = {
  name: 'practices',
  ...changeLog('practices'),
  documents: practiceDocuments,
};
