// The shared worksheet lists. A practice's three lists take items from them, or new ones its author
// types: a new item joins the shared list, unless an item of that kind already has that label in any
// language once folded (case, accents, punctuation and spaces aside), which is then taken instead.
// An item first typed in a draft is its organisation's until the practice is published: others
// neither choose it, see it echoed, nor take it as the twin of what they type.
// Moderators translate and merge items (../items/): a practice's writing transaction holds the
// lists shared from its start, a moderator's change holds them alone, so no practice takes an item
// that a merge is removing, and no merge misses a practice being written.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import type { I18nText, Locale } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { fold, words } from '../../search/index.ts';
import { worksheetItems } from '../knowledge.schema.ts';
import { practiceLimits, type WorksheetKind, worksheetKinds } from '../knowledge.vocabulary.ts';
import { linesOf, listField, problem, type PracticeInput } from './check-practice.ts';

export interface WorksheetItem {
  id: string;
  kind: WorksheetKind;
  labels: I18nText;
}

/** Who chooses items: the organisations they belong to (a PracticeReader). */
export interface ItemViewer {
  organisationIds: string[];
}

/**
 * The items the viewer may see and choose: the platform's first ones, those of published
 * practices, and those of their own organisations' practices (drafts included).
 */
function visibleTo({ organisationIds: orgs }: ItemViewer) {
  const id = worksheetItems.id;
  const own = orgs.length ? sql` or p.organisation_id = any(${sql.param(orgs)}::uuid[])` : sql``;
  return sql`(${worksheetItems.code} is not null
    or exists (select 1 from practices p where (p.status = 'published'${own})
               and (p.obstacles @> array[${id}] or p.levers @> array[${id}] or p.tools @> array[${id}])))`;
}

const listsLock = sql`hashtext('knowledge'), hashtext('worksheet_lists')`;

/** At the start of a transaction that writes a practice's lists: no moderator changes them meanwhile. */
export async function holdSharedLists(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${listsLock})`);
}

/** At the start of a moderator's change to the shared lists: no practice is written meanwhile. */
export async function lockSharedLists(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${listsLock})`);
}

/** A label as two labels meaning the same compare: "Taal-barrière!" is "taal barriere". */
export const foldLabel = (label: string) => words(label).map(fold).join(' ');

/** What the lists will hold once stored: chosen items (checked to exist) and new labels, per kind. */
export type ItemsPlan = Record<WorksheetKind, { chosen: string[]; added: string[] }>;

/** Checks the chosen items and the new labels; looks only, writes nothing. */
export async function planItems(
  db: Executor,
  input: Pick<PracticeInput, 'chosen' | 'added'>,
  viewer: ItemViewer,
  problems: FieldProblem[],
): Promise<ItemsPlan> {
  const plan = {} as ItemsPlan;
  for (const kind of worksheetKinds) {
    const field = listField[kind];
    const ids = [...new Set(input.chosen[kind].map((id) => id.trim().toLowerCase()).filter(Boolean))];
    const known = ids.length && ids.every(isUuid) ? await findVisibleItems(db, ids, kind, viewer) : [];
    if (known.length !== ids.length) problems.push(problem(field, 'practice_item_unknown'));
    const added = linesOf(input.added[kind]).map((l) => l.replace(/\s+/g, ' '));
    const { min, max } = practiceLimits.itemLabel;
    if (added.some((l) => l.length < min || l.length > max || !foldLabel(l)))
      problems.push(problem(`new_${field}`, 'practice_item_label_length'));
    plan[kind] = { chosen: ids, added };
  }
  return plan;
}

/**
 * Inside the practice's transaction: the new labels found in the shared list or added to it, and
 * each list's ids in order (chosen first), without repeats. Adding is serialised, so two authors
 * typing the same new item at once make one. The transaction holds the lists (holdSharedLists).
 */
export async function storeItems(
  tx: Executor,
  plan: ItemsPlan,
  locale: Locale,
  actorId: string,
  viewer: ItemViewer,
): Promise<Record<WorksheetKind, string[]>> {
  const out = {} as Record<WorksheetKind, string[]>;
  // Checked again under the lists' lock (holdSharedLists): a moderator may have merged one away
  // since the form was checked.
  const chosen = worksheetKinds.flatMap((k) => plan[k].chosen);
  if (chosen.length && (await findItems(tx, chosen)).length !== chosen.length)
    throw new AppError('VALIDATION_FAILED', {
      fields: worksheetKinds
        .filter((k) => plan[k].chosen.length)
        .map((k) => problem(listField[k], 'practice_item_unknown')),
    });
  if (worksheetKinds.some((k) => plan[k].added.length))
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('worksheet_items'))`);
  for (const kind of worksheetKinds) {
    const ids = [...plan[kind].chosen];
    for (const label of plan[kind].added) {
      const key = foldLabel(label);
      const [found] = await tx
        .select({ id: worksheetItems.id })
        .from(worksheetItems)
        .where(
          and(
            eq(worksheetItems.kind, kind),
            sql`${worksheetItems.folded} @> array[${key}]::text[]`,
            visibleTo(viewer),
          ),
        )
        .limit(1);
      const id =
        found?.id ??
        (
          await tx
            .insert(worksheetItems)
            .values({ kind, labels: { [locale]: label }, folded: [key], createdBy: actorId })
            .returning({ id: worksheetItems.id })
        )[0]!.id;
      ids.push(id);
    }
    out[kind] = [...new Set(ids)];
  }
  return out;
}

/** Items of a kind among `ids` the viewer may choose. */
function findVisibleItems(db: Executor, ids: string[], kind: WorksheetKind, viewer: ItemViewer) {
  return db
    .select({ id: worksheetItems.id })
    .from(worksheetItems)
    .where(and(inArray(worksheetItems.id, ids), eq(worksheetItems.kind, kind), visibleTo(viewer)));
}

export function findItems(db: Executor, ids: string[], kind?: WorksheetKind): Promise<WorksheetItem[]> {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: worksheetItems.id, kind: worksheetItems.kind, labels: worksheetItems.labels })
    .from(worksheetItems)
    .where(
      kind
        ? and(inArray(worksheetItems.id, ids), eq(worksheetItems.kind, kind))
        : inArray(worksheetItems.id, ids),
    );
}

/**
 * The items everyone may see and choose: the platform's first ones and those of published practices
 * (an item typed in a draft stays the organisation's until it is published), plus those of `also`
 * the viewer may see (a form's ticked items shown back).
 */
export async function listSharedItems(
  db: Executor,
  also: string[] = [],
  viewer: ItemViewer = { organisationIds: [] },
): Promise<WorksheetItem[]> {
  const extra = also.filter(isUuid);
  return db
    .select({ id: worksheetItems.id, kind: worksheetItems.kind, labels: worksheetItems.labels })
    .from(worksheetItems)
    .where(
      extra.length
        ? or(visibleTo({ organisationIds: [] }), and(inArray(worksheetItems.id, extra), visibleTo(viewer)))
        : visibleTo({ organisationIds: [] }),
    )
    .orderBy(
      worksheetItems.kind,
      sql`${worksheetItems.code} is null`,
      worksheetItems.createdAt,
      worksheetItems.id,
    );
}
