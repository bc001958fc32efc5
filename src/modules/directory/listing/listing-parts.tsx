// What every listing page shares: its heading and menu, texts in nl, fr and en side by side, and
// how complete each language is.
import type { Children } from '@kitajs/html';
import type { PageContext } from '../../../http/request-context.ts';
import { type I18nText, type Locale, locales } from '../../../shared/i18n-text.ts';
import { languageNames } from '../../../views/components.tsx';
import { Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { ManageLinks } from '../../../views/manage-nav.tsx';
import type { FormValues } from './listing-forms.ts';

export type { FormValues };

/** How many of the texts a listing has are written in each language. */
export function completeness(texts: I18nText[]): Record<Locale, { filled: number; total: number }> {
  const present = texts.filter((t) => Object.values(t).some(Boolean));
  return Object.fromEntries(
    locales.map((l) => [l, { filled: present.filter((t) => t[l]?.trim()).length, total: present.length }]),
  ) as Record<Locale, { filled: number; total: number }>;
}

export function Completeness({ ctx, texts }: { ctx: PageContext; texts: I18nText[] }) {
  const counts = completeness(texts);
  return (
    <section class="completeness" aria-labelledby="completeness-title">
      <h2 id="completeness-title">{ctx.t.html('directory.edit.completeness')}</h2>
      <ul>
        {locales.map((l) => {
          const { filled, total } = counts[l];
          return (
            <li class={filled === total ? 'complete' : 'incomplete'}>
              <span lang={l}>{languageNames[l]}</span>:{' '}
              <meter
                min="0"
                max={String(Math.max(total, 1))}
                value={String(filled)}
                aria-hidden="true"
              ></meter>{' '}
              <span safe>{ctx.t.t('directory.edit.filled', { filled, total })}</span>
            </li>
          );
        })}
      </ul>
      <p class="hint">{ctx.t.html('directory.edit.completeness_hint')}</p>
    </section>
  );
}

/** A page of the listing's editing: its title, what just happened, the listing's menu. */
export function ListingLayout({
  ctx,
  title,
  organisationId,
  saved = false,
  notice = saved ? ctx.t.t('directory.edit.saved') : undefined,
  scripts,
  styles,
  children,
}: {
  ctx: PageContext;
  title: string;
  organisationId: string;
  /** Just saved: says so, unless `notice` says something else. */
  saved?: boolean;
  notice?: string;
  /** Scripts and styles of the page's own (a map), as for `Layout`. */
  scripts?: string[];
  styles?: string[];
  children: Children;
}) {
  return (
    <Layout ctx={ctx} title={title} scripts={scripts} styles={styles}>
      <h1 safe>{title}</h1>
      {notice ? <Notice text={notice} /> : ''}
      <ManageLinks ctx={ctx} organisationId={organisationId} />
      {children}
    </Layout>
  );
}
