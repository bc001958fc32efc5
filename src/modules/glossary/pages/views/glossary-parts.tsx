// Pieces both glossary pages use: a language's name for the reader, a word in its own language
// (Arabic right to left), and a concept's name linking to its page.
import type { PageContext } from '../../../../http/request-context.ts';
import type { GlossaryLanguage } from '../../glossary.vocabulary.ts';
import type { ConceptTitle } from '../concept-title.ts';

/** "Néerlandais": the language's name in the reader's language, with a capital (French has none). */
export function languageName(ctx: PageContext, language: GlossaryLanguage): string {
  const name = ctx.t.language(language);
  return name.charAt(0).toLocaleUpperCase(ctx.locale) + name.slice(1);
}

/** A word in its own language, so screen readers pronounce it right. */
export function Word({
  ctx,
  language,
  text,
}: {
  ctx: PageContext;
  language: GlossaryLanguage;
  text: string;
}) {
  return (
    <span
      lang={language === ctx.locale ? undefined : language}
      dir={language === 'ar' ? 'rtl' : undefined}
      safe
    >
      {text}
    </span>
  );
}

/** A concept's name, marked when it is not in the reader's language. */
export function ConceptName({ ctx, title }: { ctx: PageContext; title: ConceptTitle }) {
  return (
    <>
      <Word ctx={ctx} language={title.language} text={title.text} />
      {title.fallback ? (
        <>
          {' '}
          <small class="fallback-note" safe>
            {ctx.t.t('fallback.only_in', { language: ctx.t.language(title.language) })}
          </small>
        </>
      ) : (
        ''
      )}
    </>
  );
}

/** A link to a concept's page. */
export function ConceptLink({ ctx, slug, title }: { ctx: PageContext; slug: string; title: ConceptTitle }) {
  return (
    <a href={`/${ctx.locale}/glossary/${encodeURIComponent(slug)}`}>
      <ConceptName ctx={ctx} title={title} />
    </a>
  );
}
