// A moderator merges an item of the shared worksheet lists into another of the same list (two
// organisations typed one obstacle in two languages): every practice that used it uses the other
// instead, in its place, once; the other takes its labels in the languages it had none in (unless
// another item of the list is found by that label), and its folded labels, so an author typing the old
// label finds the item it was merged into; the item is removed. One transaction: the lists locked
// (no practice written meanwhile), both items locked, the practices locked and their search terms
// made anew, and an audit entry. Refused, with nothing changed, for an item merged into itself or
// into an item of another list.
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, locales, pickText } from '../../../shared/i18n-text.ts';
import { auditAction } from '../../audit/index.ts';
import type { KnowledgeContext } from '../knowledge-context.ts';
import { worksheetFields } from '../knowledge.vocabulary.ts';
import { refreshPracticeTerms } from '../practices/practice-terms.ts';
import { practicesChanged } from '../practices/practices-library.ts';
import { requireModerator } from '../practices/practices.policy.ts';
import { lockSharedLists } from '../practices/worksheet-items.ts';
import {
  deleteItem,
  setItemCode,
  findItemRow,
  itemFoundBy,
  practicesUsing,
  setPracticeList,
  updateItem,
} from './items.repo.ts';

const refused = (code: string, values?: FieldProblem['values']) =>
  new AppError('VALIDATION_FAILED', { fields: [{ field: 'into', message: code, code, values }] });

/** The list with `from` replaced by `into` where it stood, `into` kept once (where it came first). */
export function mergedList(list: string[], from: string, into: string): string[] {
  return [...new Set(list.map((id) => (id === from ? into : id)))];
}

export async function mergeItems(
  ctx: KnowledgeContext,
  fromId: string,
  intoId: string,
): Promise<{ id: string; practices: number }> {
  requireModerator(ctx.actor);
  const done = await ctx.db.transaction(async (tx) => {
    await lockSharedLists(tx);
    const from = await findItemRow(tx, fromId, true);
    if (!from) throw new AppError('WORKSHEET_ITEM_NOT_FOUND');
    const into = await findItemRow(tx, intoId, true);
    if (!into) throw refused('worksheet_item_merge_unknown');
    if (into.id === from.id) throw refused('worksheet_item_merge_self');
    if (into.kind !== from.kind)
      throw refused('worksheet_item_merge_kind', { item: pickText(into.labels, ctx.locale)?.text ?? '' });

    // The target keeps its labels and takes the merged item's in the languages it lacks.
    const labels: I18nText = { ...into.labels };
    for (const lang of locales) {
      const label = from.labels[lang];
      if (labels[lang] || !label) continue;
      if (!(await itemFoundBy(tx, into.kind, label, [from.id, into.id]))) labels[lang] = label;
    }
    const gained = Object.keys(labels).length > Object.keys(into.labels).length;
    await updateItem(tx, into.id, { labels, folded: [...new Set([...into.folded, ...from.folded])] });

    const field = worksheetFields[from.kind];
    const using = await practicesUsing(tx, from);
    for (const practice of using) {
      const list = mergedList(practice[field], from.id, into.id);
      await setPracticeList(tx, practice.id, from.kind, list, ctx.now);
      await refreshPracticeTerms(tx, { ...practice, [field]: list });
    }
    // The target's other practices are found by its new labels too.
    const done = new Set(using.map((p) => p.id));
    if (gained)
      for (const practice of await practicesUsing(tx, into))
        if (!done.has(practice.id)) await refreshPracticeTerms(tx, practice);
    await deleteItem(tx, from.id);
    // A seeded item merged into one an author typed hands its code on: the item kept is then the
    // platform's own, for the pages that say so and for any later seeding that looks it up.
    if (from.code && !into.code) await setItemCode(tx, into.id, from.code);
    await auditAction(tx, ctx, {
      event: 'knowledge.worksheet_item_merged',
      subjectType: 'worksheet_item',
      subjectId: from.id,
      details: { kind: from.kind, into: into.id, labels: from.labels, practices: using.length },
    });
    return { id: into.id, practices: using.length };
  });
  // The library's copies hold the items' labels and the practices' terms (practices-library.ts).
  practicesChanged(ctx.db);
  return done;
}
