// Parts of the learner's pages: a text in paragraphs in the reader's language, where the learner
// is ("card 3 of 7"), and a link to a path.
import type { PageContext } from '../../../http/request-context.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';

/** A text of a path in the reader's language (or the best other), one paragraph per blank line. */
export function Paragraphs({ ctx, text }: { ctx: PageContext; text: I18nText }) {
  const picked = pickText(text, ctx.locale);
  if (!picked) return '';
  const lang = picked.fallback ? picked.lang : undefined;
  return (
    <>
      {picked.text.split(/\n\s*\n/).map((p) => (
        <p lang={lang} safe>
          {p}
        </p>
      ))}
    </>
  );
}

export const inReaderLanguage = (ctx: PageContext, text: I18nText) => pickText(text, ctx.locale)?.text ?? '';

/** "Card 3 of 7", as text and as a bar. */
export function WhereYouAre({ ctx, index, total }: { ctx: PageContext; index: number; total: number }) {
  const label = ctx.t.t('learning.learn.where', { card: index + 1, total });
  return (
    <div class="learn-where">
      <p id="learn-where" safe>
        {label}
      </p>
      <progress max={String(total)} value={String(index + 1)} aria-labelledby="learn-where"></progress>
    </div>
  );
}

export const learnHref = (ctx: PageContext, slug: string, rest = '') => `/${ctx.locale}/learn/${slug}${rest}`;
