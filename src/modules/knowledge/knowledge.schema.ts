// Good practices that organisations write up (drafts private to the organisation's members,
// published ones for everyone), and the shared list of worksheet items their three lists choose
// from: obstacles, levers, tools and tips. Foreign keys to other modules' tables (organisations,
// users) are in the migration, so modules stay apart in code.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  belongsTo,
  bytea,
  createdAt,
  i18n,
  id,
  moment,
  oneOf,
  textList,
  timestamps,
  tsvector,
  uuidList,
} from '../../db/columns.ts';
import { practiceStatuses, worksheetKinds } from './knowledge.vocabulary.ts';

/**
 * One item of the shared worksheet lists. The first ones come with the platform (seeded from the
 * field reports, `code` set); an author's new item joins the list, found again by its folded label
 * in any language so that "Taalbarrière" typed twice is one item.
 */
export const worksheetItems = pgTable(
  'worksheet_items',
  {
    id: id(),
    kind: text({ enum: worksheetKinds }).notNull(),
    /** The seeded items' stable code; null for items authors added. */
    code: text(),
    labels: i18n().notNull(),
    /** Every label folded (lower case, no accents, single spaces): how a new item finds its twin. */
    folded: textList(),
    createdBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('worksheet_items_code_idx')
      .on(t.code)
      .where(sql`code is not null`),
    index('worksheet_items_folded_idx').using('gin', t.folded),
    check('worksheet_items_kind_known', sql`${t.kind} in (${oneOf(worksheetKinds)})`),
    check('worksheet_items_labels_present', sql`${t.labels} <> '{}'::jsonb`),
  ],
);

export const practices = pgTable(
  'practices',
  {
    id: id(),
    /** The address of its page: words of its title and a piece of its id. */
    slug: text().notNull(),
    /** The organisation that owns it (its author's): its members write and publish it. */
    organisationId: uuid().notNull(),
    /** Null once the author's account is deleted. */
    authorId: uuid(),
    status: text({ enum: practiceStatuses }).notNull().default('draft'),
    featured: boolean().notNull().default(false),
    title: i18n().notNull(),
    summary: i18n().notNull().default({}),
    story: i18n().notNull().default({}),
    /** Other organisations of the directory involved (formal or informal). */
    organisationIds: uuidList(),
    /**
     * The kinds of the owner and the organisations involved when it was last written. No longer read
     * by the library's filter, which takes the kinds they have now (practices/library-kinds.ts).
     */
    organisationKinds: textList(),
    themes: textList(),
    communes: textList(),
    /** As the author typed them; shown publicly only once published. */
    contactName: text().notNull().default(''),
    contactWay: text().notNull().default(''),
    links: textList(),
    /** Worksheet items, in the author's order. */
    obstacles: uuidList(),
    levers: uuidList(),
    tools: uuidList(),
    publishedAt: moment(),
    /** When and by whom it was last taken off the library (the organisation or a moderator). */
    unpublishedAt: moment(),
    unpublishedBy: uuid(),
    editedAt: moment(),
    /** The search module's terms of its texts in every language, its themes and its items. */
    searchTerms: tsvector().notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('practices_slug_idx').on(t.slug),
    index('practices_organisation_idx').on(t.organisationId, t.updatedAt),
    index('practices_library_idx')
      .on(t.featured, t.publishedAt)
      .where(sql`status = 'published'`),
    index('practices_terms_idx').using('gin', t.searchTerms),
    index('practices_themes_idx').using('gin', t.themes),
    index('practices_items_idx').using('gin', t.obstacles, t.levers, t.tools),
    check('practices_status_known', sql`${t.status} in (${oneOf(practiceStatuses)})`),
    check('practices_title_present', sql`${t.title} <> '{}'::jsonb`),
    check(
      'practices_items_count',
      sql`cardinality(obstacles) <= 20 and cardinality(levers) <= 20 and cardinality(tools) <= 20`,
    ),
    check('practices_published_at', sql`${t.status} = 'draft' or ${t.publishedAt} is not null`),
  ],
);

/**
 * A PDF attached to a practice by its organisation's members: checked on upload (its bytes say it
 * is a PDF, it opens, it is not encrypted), kept as sent, served at
 * /practice-attachments/{id}/{file name} to those who may read the practice. `fileName` is the
 * name it was sent with, cleaned (src/shared/pdfs.ts); `title` optional in each language.
 */
export const practiceAttachments = pgTable(
  'practice_attachments',
  {
    id: id(),
    practiceId: belongsTo(() => practices.id).notNull(),
    fileName: text().notNull(),
    title: i18n().notNull().default({}),
    contentType: text().notNull(),
    data: bytea().notNull(),
    size: integer().notNull(),
    /** Hex SHA-256 of the bytes: the file's ETag. */
    sha256: text().notNull(),
    pageCount: integer().notNull(),
    /** Order on the practice's page. */
    position: integer().notNull().default(0),
    createdBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    index('practice_attachments_practice_idx').on(t.practiceId, t.position),
    check('practice_attachments_size', sql`${t.size} = octet_length(${t.data}) and ${t.size} > 0`),
    check('practice_attachments_pages', sql`${t.pageCount} > 0`),
  ],
);
