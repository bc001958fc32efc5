import type { Children } from '@kitajs/html';
import type { PageContext } from '../http/request-context.ts';
import type { MessageKey } from '../i18n/index.ts';
import { type I18nText, pickText, textIn } from '../shared/i18n-text.ts';
import type { Page } from '../shared/pagination.ts';

/**
 * A multilingual text in the reader's language, or in another with a visible marker saying so.
 * The text carries its own lang attribute so screen readers pronounce it right.
 */
export function Localized({
  ctx,
  value,
  block = false,
  marker = true,
}: {
  ctx: PageContext;
  value: I18nText | null | undefined;
  block?: boolean;
  /** Names are not translated: their fallback needs no marker. */
  marker?: boolean;
}) {
  const picked = pickText(value, ctx.locale);
  if (!picked) return '';
  const note =
    marker && picked.fallback ? (
      <small class="fallback-note" safe>
        {ctx.t.t('fallback.only_in', { language: ctx.t.language(picked.lang) })}
      </small>
    ) : (
      ''
    );
  if (!block) {
    return (
      <>
        <span lang={picked.fallback ? picked.lang : undefined} safe>
          {picked.text}
        </span>
        {note ? ' ' : ''}
        {note}
      </>
    );
  }
  return (
    <div class="localized" lang={picked.fallback ? picked.lang : undefined}>
      {note}
      {picked.text.split(/\n{2,}/).map((paragraph) => (
        <p safe>{paragraph}</p>
      ))}
    </div>
  );
}

/** Previous and next links for lists that know whether there is more, not how many pages. */
export function PrevNext({
  ctx,
  page,
  more,
  link,
}: {
  ctx: PageContext;
  page: number;
  more: boolean;
  link: (page: number) => string;
}) {
  const { t } = ctx;
  return (
    <nav class="pagination" aria-label={t.t('pagination.label')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={link(page - 1)} rel="prev">
              {t.html('pagination.previous')}
            </a>
          </li>
        ) : (
          ''
        )}
        {more ? (
          <li>
            <a href={link(page + 1)} rel="next">
              {t.html('pagination.next')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

export function Pagination({
  ctx,
  page,
  link,
}: {
  ctx: PageContext;
  page: Pick<Page<unknown>, 'page' | 'totalPages' | 'total'>;
  link: (page: number) => string;
}) {
  if (page.totalPages <= 1) return '';
  const { t } = ctx;
  const around = [page.page - 2, page.page - 1, page.page, page.page + 1, page.page + 2].filter(
    (n) => n >= 1 && n <= page.totalPages,
  );
  const numbers = [...new Set([1, ...around, page.totalPages])].sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={t.t('pagination.label')}>
      <ul>
        {page.page > 1 ? (
          <li>
            <a href={link(page.page - 1)} rel="prev">
              {t.html('pagination.previous')}
            </a>
          </li>
        ) : (
          ''
        )}
        {numbers.map((n, i) => (
          <>
            {i > 0 && n - numbers[i - 1]! > 1 ? <li aria-hidden="true">…</li> : ''}
            <li>
              <a
                href={link(n)}
                aria-current={n === page.page ? 'page' : undefined}
                aria-label={t.t('pagination.page', { page: n })}
              >
                {n}
              </a>
            </li>
          </>
        ))}
        {page.page < page.totalPages ? (
          <li>
            <a href={link(page.page + 1)} rel="next">
              {t.html('pagination.next')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

/** A link to an organisation's public page, under its name in the reader's language. */
export function OrganisationLink({
  ctx,
  organisation,
}: {
  ctx: PageContext;
  organisation: { id: string; name: I18nText };
}) {
  return (
    <a href={`/${ctx.locale}/organisations/${organisation.id}`} safe>
      {textIn(organisation.name, ctx.locale)}
    </a>
  );
}

/** Serialises JSON-LD for a <script> element without letting the data close the element. */
export function jsonLd(data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/ld+json">${json}</script>`;
}

/** Where a page sits: links up the trail, then the page itself. */
export function Breadcrumb({
  ctx,
  trail,
  current,
}: {
  ctx: PageContext;
  trail: { href: string; label: string }[];
  current: string;
}) {
  return (
    <nav class="breadcrumb" aria-label={ctx.t.t('nav.breadcrumb')}>
      <ol>
        {trail.map((step) => (
          <li>
            <a href={step.href} safe>
              {step.label}
            </a>
          </li>
        ))}
        <li aria-current="page" safe>
          {current}
        </li>
      </ol>
    </nav>
  );
}

/** The label of a vocabulary code ("directory.kind.self_organisation"), or the code when it has none. */
export function label(ctx: PageContext, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return ctx.t.has(key) ? ctx.t.t(key as MessageKey) : code;
}

/** The options of a choice among a vocabulary's codes, each with its label ("directory.kind.formal"). */
export function vocabularyOptions(ctx: PageContext, prefix: string, codes: readonly string[]) {
  return codes.map((code) => ({ value: code, label: label(ctx, prefix, code) }));
}

/** Each language's name in itself, for language switchers and side-by-side fields. */
export const languageNames = { nl: 'Nederlands', fr: 'Français', en: 'English' } as const;

/** A part of a page under its own heading, which names it for screen readers. */
export function Section({
  id,
  title,
  class: className,
  children,
}: {
  /** The heading's id is `${id}-title`. */
  id: string;
  title: string;
  class?: string;
  children?: Children;
}) {
  return (
    <section aria-labelledby={`${id}-title`} class={className}>
      <h2 id={`${id}-title`} safe>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * A column heading: its text; `{ hidden }` for one only screen readers read (a column of buttons);
 * `false` leaves the column out.
 */
export type Column = string | { hidden: string } | false;

/** The header row of a data table: one column heading per column. */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns
          .filter((column) => column !== false)
          .map((column) =>
            typeof column === 'string' ? (
              <th scope="col" safe>
                {column}
              </th>
            ) : (
              <th scope="col">
                <span class="visually-hidden" safe>
                  {column.hidden}
                </span>
              </th>
            ),
          )}
      </tr>
    </thead>
  );
}

/** A table of records: a caption for screen readers, the column headings, then the rows given. */
export function DataTable({
  caption,
  columns,
  class: className,
  children,
}: {
  caption?: string;
  columns: Column[];
  /** Added to `data-table`. */
  class?: string;
  children?: Children;
}) {
  return (
    <table class={className ? `data-table ${className}` : 'data-table'}>
      {caption ? (
        <caption class="visually-hidden" safe>
          {caption}
        </caption>
      ) : (
        ''
      )}
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
    </table>
  );
}
