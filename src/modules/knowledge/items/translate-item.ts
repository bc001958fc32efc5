// A moderator changes the labels of an item of the shared worksheet lists, mostly to translate one
// that an organisation typed in its own language. Each label is one line, trimmed, 3 to 120
// characters; an empty one is no label in that language, but one language at least remains. A label
// by which another item of the same list is found (its label in any language, or that of an item
// merged into it) is refused, naming that item (merge them instead). One transaction: the lists locked (no practice written meanwhile), the item
// locked and compared with the form's version (itemVersion), the labels and their folded forms
// stored, the search terms of every practice using it made anew, and an audit entry.
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, type Locale, locales, pickText } from '../../../shared/i18n-text.ts';
import { auditAction } from '../../audit/index.ts';
import type { KnowledgeContext } from '../knowledge-context.ts';
import { practiceLimits } from '../knowledge.vocabulary.ts';
import { refreshPracticeTerms } from '../practices/practice-terms.ts';
import { practicesChanged } from '../practices/practices-library.ts';
import { requireModerator } from '../practices/practices.policy.ts';
import { foldLabel, lockSharedLists } from '../practices/worksheet-items.ts';
import {
  findItemRow,
  itemFoundBy,
  type ItemRow,
  itemVersion,
  practicesUsing,
  updateItem,
} from './items.repo.ts';

export interface ItemLabelsInput {
  labels: Partial<Record<Locale, string>>;
  /** The version the form was made from (itemVersion). */
  version?: string;
}

const problem = (field: string, code: string, values?: FieldProblem['values']): FieldProblem => ({
  field,
  message: code,
  code,
  values,
});

/** The labels as they will be stored, and what is wrong with them on their own. */
export function checkLabels(input: ItemLabelsInput, problems: FieldProblem[]): I18nText {
  const labels: I18nText = {};
  const { min, max } = practiceLimits.itemLabel;
  for (const lang of locales) {
    const label = (input.labels[lang] ?? '').trim().replace(/\s+/g, ' ');
    if (!label) continue;
    if (label.length < min || label.length > max || !foldLabel(label))
      problems.push(problem(`labels.${lang}`, 'worksheet_item_label_length', { min, max }));
    else labels[lang] = label;
  }
  if (!problems.length && !Object.keys(labels).length)
    problems.push(problem('labels', 'worksheet_item_label_missing'));
  return labels;
}

/**
 * The folded forms an item is found by when an author types it: its labels', and those of items
 * merged into it earlier (kept when it is translated).
 */
export function foldedOf(labels: I18nText, before?: Pick<ItemRow, 'labels' | 'folded'>): string[] {
  const own = new Set(Object.values(before?.labels ?? {}).map((l) => foldLabel(l ?? '')));
  const merged = (before?.folded ?? []).filter((f) => !own.has(f));
  return [...new Set([...Object.values(labels).map((l) => foldLabel(l ?? '')), ...merged])];
}

export async function translateItem(
  ctx: KnowledgeContext,
  id: string,
  input: ItemLabelsInput,
): Promise<{ id: string }> {
  requireModerator(ctx.actor);
  const problems: FieldProblem[] = [];
  const labels = checkLabels(input, problems);
  const done = await ctx.db.transaction(async (tx) => {
    await lockSharedLists(tx);
    const item = await findItemRow(tx, id, true);
    if (!item) throw new AppError('WORKSHEET_ITEM_NOT_FOUND');
    // Changed since the form was made: refused, and the form (kept) carries the new version, so
    // saving it again knowingly replaces the change.
    const version = itemVersion(item.labels);
    if (input.version !== undefined && input.version !== version)
      throw new AppError('VALIDATION_FAILED', {
        fields: [problem('version', 'worksheet_item_changed_meanwhile', { version })],
      });
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
    for (const lang of locales) {
      const label = labels[lang];
      const other = label ? await itemFoundBy(tx, item.kind, label, [item.id]) : undefined;
      if (other)
        problems.push(
          problem(`labels.${lang}`, 'worksheet_item_label_taken', {
            label: label!,
            item: pickText(other.labels, ctx.locale)?.text ?? '',
          }),
        );
    }
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
    // Saved as it was: nothing to write.
    if (itemVersion(labels) === version) return { id: item.id };

    await updateItem(tx, item.id, { labels, folded: foldedOf(labels, item) });
    const using = await practicesUsing(tx, item);
    for (const practice of using) await refreshPracticeTerms(tx, practice);
    await auditAction(tx, ctx, {
      event: 'knowledge.worksheet_item_translated',
      subjectType: 'worksheet_item',
      subjectId: item.id,
      details: { kind: item.kind, before: item.labels, after: labels, practices: using.length },
    });
    return { id: item.id };
  });
  // The library's copies hold the items' labels and the practices' terms (practices-library.ts).
  practicesChanged(ctx.db);
  return done;
}
