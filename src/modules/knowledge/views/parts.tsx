// Parts the practices' pages share: a commune's name, theme options, an item's label.
import type { PageContext } from '../../../http/request-context.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { geoReference } from '../../geo/index.ts';
import type { ThemeOption } from '../practices/page-data.ts';
import type { WorksheetKind } from '../knowledge.vocabulary.ts';
import type { WorksheetItem } from '../practices/worksheet-items.ts';

export function communeName(ctx: PageContext, nis: string): string {
  const commune = geoReference().communes.find((c) => c.nis === nis);
  if (!commune) return nis;
  return ctx.locale === 'nl' ? commune.name.nl : commune.name.fr;
}

export const communeOptions = (ctx: PageContext) =>
  geoReference().communes.map((c) => ({ value: c.nis, label: communeName(ctx, c.nis) }));

/** The themes and their sub-themes ("— Debt counselling") as options. */
export const themeOptions = (ctx: PageContext, themes: ThemeOption[]) =>
  themes.flatMap((theme) => [
    { value: theme.code, label: pickText(theme.name, ctx.locale)?.text ?? theme.code },
    ...theme.children.map((c) => ({
      value: c.code,
      label: `— ${pickText(c.name, ctx.locale)?.text ?? c.code}`,
    })),
  ]);

/** An item's label in the reader's language or another, with that language named for screen readers. */
export function itemOption(ctx: PageContext, item: WorksheetItem) {
  const picked = pickText(item.labels, ctx.locale);
  return {
    value: item.id,
    label: picked?.text ?? '',
    lang: picked?.fallback ? picked.lang : undefined,
  };
}

/** The items of one list as options, in the alphabetical order of the reader's language. */
export const itemOptions = (ctx: PageContext, items: WorksheetItem[], kind: WorksheetKind) =>
  items
    .filter((i) => i.kind === kind)
    .map((i) => itemOption(ctx, i))
    .sort((a, b) => a.label.localeCompare(b.label, ctx.locale));
