// Reading and writing the shared worksheet lists for their moderators: every item with how many
// published practices use it, one item locked, the items of a kind that already carry a label, and
// the practices that use an item (locked, with what their search terms are made of).
import { createHash } from 'node:crypto';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { practices, worksheetItems } from '../knowledge.schema.ts';
import { type WorksheetKind, worksheetFields } from '../knowledge.vocabulary.ts';
import type { TermsSource } from '../practices/practice-terms.ts';
import { foldLabel } from '../practices/worksheet-items.ts';

export interface ItemRow {
  id: string;
  kind: WorksheetKind;
  code: string | null;
  labels: I18nText;
  folded: string[];
}

/**
 * An item's version as its forms carry it: a digest of its labels. The table has no version or
 * change time; the labels are all a form changes, so a form made before another moderator's change
 * carries another digest.
 */
export function itemVersion(labels: I18nText): string {
  const canonical = JSON.stringify(locales.map((l) => labels[l] ?? null));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** Every item, seeded ones first, with the number of published practices that use it. */
export async function listItemsWithUse(db: Executor) {
  const { rows } = await db.execute<{
    id: string;
    kind: WorksheetKind;
    code: string | null;
    labels: I18nText;
    published: number;
  }>(
    sql`with used as (
          select u.id, count(distinct p.id)::int as n
          from practices p, unnest(p.obstacles || p.levers || p.tools) as u(id)
          where p.status = 'published' group by u.id)
        select w.id, w.kind, w.code, w.labels, coalesce(used.n, 0) as published
        from worksheet_items w left join used on used.id = w.id
        order by w.kind, w.code is null, w.created_at, w.id`,
  );
  return rows;
}

/** One item by its id (anything else finds nothing), locked for the transaction when asked. */
export async function findItemRow(db: Executor, id: string, lock = false): Promise<ItemRow | undefined> {
  const key = id.trim().toLowerCase();
  if (!isUuid(key)) return undefined;
  const query = db
    .select({
      id: worksheetItems.id,
      kind: worksheetItems.kind,
      code: worksheetItems.code,
      labels: worksheetItems.labels,
      folded: worksheetItems.folded,
    })
    .from(worksheetItems)
    .where(eq(worksheetItems.id, key));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/**
 * Another item of the kind (none of `except`) that an author typing `label` would be given: one with
 * that label in any language once folded, or one an item with that label was merged into (its
 * folded forms). Two such items would leave it to chance which one an author gets (storeItems).
 */
export async function itemFoundBy(
  db: Executor,
  kind: WorksheetKind,
  label: string,
  except: string[],
): Promise<{ id: string; labels: I18nText } | undefined> {
  const [found] = await db
    .select({ id: worksheetItems.id, labels: worksheetItems.labels })
    .from(worksheetItems)
    .where(
      and(
        eq(worksheetItems.kind, kind),
        notInArray(worksheetItems.id, except),
        sql`${worksheetItems.folded} @> array[${foldLabel(label)}]::text[]`,
      ),
    )
    .orderBy(worksheetItems.createdAt, worksheetItems.id)
    .limit(1);
  return found;
}

export async function updateItem(db: Executor, id: string, values: { labels: I18nText; folded: string[] }) {
  await db.update(worksheetItems).set(values).where(eq(worksheetItems.id, id));
}

/** Gives an item a seeded item's code (after that one is gone: codes are unique). */
export async function setItemCode(db: Executor, id: string, code: string) {
  await db.update(worksheetItems).set({ code }).where(eq(worksheetItems.id, id));
}

export async function deleteItem(db: Executor, id: string) {
  await db.delete(worksheetItems).where(eq(worksheetItems.id, id));
}

/** How many published practices use the item. */
export async function publishedUses(db: Executor, item: { id: string; kind: WorksheetKind }) {
  const column = sql.identifier(worksheetFields[item.kind]);
  const { rows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from practices
        where status = 'published' and ${column} @> array[${item.id}]::uuid[]`,
  );
  return rows[0]?.n ?? 0;
}

/** The practices (any status) whose list of the item's kind holds it, locked, as their terms need them. */
export function practicesUsing(
  tx: Executor,
  item: { id: string; kind: WorksheetKind },
): Promise<TermsSource[]> {
  const column = practices[worksheetFields[item.kind]];
  return tx
    .select({
      id: practices.id,
      title: practices.title,
      summary: practices.summary,
      story: practices.story,
      themes: practices.themes,
      obstacles: practices.obstacles,
      levers: practices.levers,
      tools: practices.tools,
    })
    .from(practices)
    .where(sql`${column} @> array[${item.id}]::uuid[]`)
    .orderBy(practices.id)
    .for('update');
}

/** A practice's list of one kind replaced (the practice's other columns as they are). */
export async function setPracticeList(
  tx: Executor,
  id: string,
  kind: WorksheetKind,
  list: string[],
  now: Date,
) {
  await tx
    .update(practices)
    .set({ [worksheetFields[kind]]: list, updatedAt: now })
    .where(eq(practices.id, id));
}
