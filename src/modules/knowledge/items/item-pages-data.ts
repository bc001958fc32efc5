// What the moderators' pages of the shared worksheet lists show: each item with its labels, the
// languages it lacks and how many published practices use it; one item with the version its form
// carries and the other items of its list it may be merged into (a bounded number, the most used,
// or those found by words).
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { type I18nText, type Locale, locales } from '../../../shared/i18n-text.ts';
import { type WorksheetKind, worksheetKinds } from '../knowledge.vocabulary.ts';
import { foldLabel } from '../practices/worksheet-items.ts';
import { itemVersion, listItemsWithUse } from './items.repo.ts';

export interface ItemSummary {
  id: string;
  kind: WorksheetKind;
  /** Seeded from the field reports, rather than typed by an organisation. */
  seeded: boolean;
  labels: I18nText;
  /** The languages it has no label in. */
  missing: Locale[];
  /** Published practices that use it. */
  published: number;
}

/** Which items the list shows: one list or all, those lacking a language (any, or this one) or all. */
export interface ItemFilters {
  kind?: WorksheetKind;
  missing?: Locale | 'any';
}

export interface ItemsPageData {
  filters: ItemFilters;
  lists: { kind: WorksheetKind; items: ItemSummary[] }[];
  /** Items in all, before the filters. */
  total: number;
}

/** At most this many items to merge into are offered at once (a list grows with every author). */
export const mergeChoices = 100;

export interface ItemPageData {
  item: ItemSummary;
  version: string;
  /** The other items of its list to merge it into: those found by `find`, the most used first, at most mergeChoices. */
  others: ItemSummary[];
  /** The words the other items were looked for by, if any. */
  find?: string;
  /** How many other items of its list there are (found by `find`, when given). */
  othersTotal: number;
}

async function summaries(db: Executor): Promise<ItemSummary[]> {
  return (await listItemsWithUse(db)).map((row) => ({
    id: row.id,
    kind: row.kind,
    seeded: row.code !== null,
    labels: row.labels,
    missing: locales.filter((l) => !row.labels[l]),
    published: row.published,
  }));
}

const shown = ({ missing }: ItemFilters) =>
  missing === 'any'
    ? (i: ItemSummary) => i.missing.length > 0
    : missing
      ? (i: ItemSummary) => i.missing.includes(missing)
      : () => true;

export async function itemsPageData(db: Executor, filters: ItemFilters): Promise<ItemsPageData> {
  const all = await summaries(db);
  const keep = shown(filters);
  return {
    filters,
    lists: worksheetKinds
      .filter((kind) => !filters.kind || kind === filters.kind)
      .map((kind) => ({ kind, items: all.filter((i) => i.kind === kind && keep(i)) })),
    total: all.length,
  };
}

export async function itemPageData(db: Executor, id: string, find?: string): Promise<ItemPageData> {
  const all = await summaries(db);
  const item = all.find((i) => i.id === id.trim().toLowerCase());
  if (!item) throw new AppError('WORKSHEET_ITEM_NOT_FOUND');
  const words = foldLabel(find ?? '');
  const found = (i: ItemSummary) =>
    !words || Object.values(i.labels).some((label) => foldLabel(label ?? '').includes(words));
  const others = all.filter((i) => i.kind === item.kind && i.id !== item.id && found(i));
  return {
    item,
    version: itemVersion(item.labels),
    // The most used first (a stable order: the list's own), as many as a form can offer.
    others: [...others].sort((a, b) => b.published - a.published).slice(0, mergeChoices),
    find: words ? find!.trim() : undefined,
    othersTotal: others.length,
  };
}
