// Parts the exchange's pages share: names of communes, themes and languages, a post's card.
import type { PageContext } from '../../../http/request-context.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { label } from '../../../views/components.tsx';
import { commonLanguages } from '../../directory/index.ts';
import { geoReference } from '../../geo/index.ts';
import { dayIn } from '../moments.ts';
import type { ThemeOption } from '../posts/page-data.ts';
import type { PostCard } from '../posts/search-posts.ts';

export function communeName(ctx: PageContext, nis: string): string {
  const commune = geoReference().communes.find((c) => c.nis === nis);
  if (!commune) return nis;
  return ctx.locale === 'nl' ? commune.name.nl : commune.name.fr;
}

export const communeOptions = (ctx: PageContext) =>
  geoReference().communes.map((c) => ({ value: c.nis, label: communeName(ctx, c.nis) }));

/** The themes and their sub-themes ("— Interpreting") as options. */
export const themeOptions = (ctx: PageContext, themes: ThemeOption[]) =>
  themes.flatMap((theme) => [
    { value: theme.code, label: pickText(theme.name, ctx.locale)?.text ?? theme.code },
    ...theme.children.map((c) => ({
      value: c.code,
      label: `— ${pickText(c.name, ctx.locale)?.text ?? c.code}`,
    })),
  ]);

/** A theme's name from the options (without the sub-theme's dash). */
export const themeNamer = (ctx: PageContext, themes: ThemeOption[]) => {
  const names = new Map(themeOptions(ctx, themes).map((o) => [o.value, o.label.replace(/^— /, '')]));
  return (code: string) => names.get(code) ?? code;
};

/** The directory's languages in the reader's alphabetical order: sorted once per language. */
const sortedLanguages = new Map<string, { value: string; label: string }[]>();
export function languageOptions(ctx: PageContext) {
  let options = sortedLanguages.get(ctx.locale);
  if (!options) {
    const collator = new Intl.Collator(ctx.locale);
    options = commonLanguages
      .map((code) => ({ value: code, label: ctx.t.language(code) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    sortedLanguages.set(ctx.locale, options);
  }
  return options;
}

/** A Brussels date (YYYY-MM-DD) as the reader writes it. */
export const dayText = (ctx: PageContext, day: string) => dayIn(ctx.locale, day);

/** Where a post is for: all Brussels, or its communes. */
export const placeText = (ctx: PageContext, post: { allBrussels: boolean; communes: string[] }) =>
  post.allBrussels
    ? ctx.t.t('exchange.all_brussels')
    : post.communes.map((c) => communeName(ctx, c)).join(', ');

/** A post in a list (the board, the matches): its title, what and where, its organisation. */
export function PostCardItem({
  ctx,
  post,
  organisation,
  themeName,
  extra,
}: {
  ctx: PageContext;
  post: PostCard;
  organisation: I18nText | undefined;
  themeName: (code: string) => string;
  extra?: string;
}) {
  const { t } = ctx;
  const title = pickText(post.title, ctx.locale);
  return (
    <li class="card exchange-card">
      <p class="exchange-what" safe>
        {`${label(ctx, 'exchange.direction', post.direction)} · ${label(ctx, 'exchange.kind', post.kind)}`}
      </p>
      <h3 lang={title?.fallback ? title.lang : undefined}>
        <a href={`/${ctx.locale}/exchange/${post.id}`} safe>
          {title?.text ?? ''}
        </a>
      </h3>
      <p class="muted" safe>
        {[pickText(organisation, ctx.locale)?.text, placeText(ctx, post)].filter(Boolean).join(' · ')}
      </p>
      <p class="muted" safe>
        {t.t('exchange.until', { date: dayText(ctx, post.until) })}
      </p>
      <ul class="badges">
        {post.isDemo ? <li class="badge">{t.html('exchange.demo_badge')}</li> : ''}
        {post.languages.map((l) => (
          <li class="badge" safe>
            {t.language(l)}
          </li>
        ))}
        {post.themes.map((c) => (
          <li class="badge" safe>
            {themeName(c)}
          </li>
        ))}
      </ul>
      {extra ? (
        <p class="hint" safe>
          {extra}
        </p>
      ) : (
        ''
      )}
    </li>
  );
}
