// "Words on this page": under a page's texts, one <details> per glossary concept they name, with
// its words in every language, its definition and a link to its page. Plain HTML, no script: the
// reader opens a term. Nothing at all when the texts name none.
import type { PageContext } from '../../../http/request-context.ts';
import { languageName, Word } from '../pages/views/glossary-parts.tsx';
import type { PageTerm } from './page-terms.ts';

function Term({ ctx, term }: { ctx: PageContext; term: PageTerm }) {
  const { t } = ctx;
  return (
    <details class="glossary-term">
      <summary>
        <Word ctx={ctx} language={term.title.language} text={term.title.text} />
      </summary>
      <dl class="glossary-term-words">
        {term.words.map((w) => (
          <>
            <dt safe>{languageName(ctx, w.language)}</dt>
            <dd>
              {w.texts.map((text, i) => (
                <>
                  {i ? ', ' : ''}
                  <Word ctx={ctx} language={w.language} text={text} />
                </>
              ))}
            </dd>
          </>
        ))}
      </dl>
      {term.definition ? (
        <p
          class="glossary-term-definition"
          lang={term.definition.language === ctx.locale ? undefined : term.definition.language}
          dir={term.definition.language === 'ar' ? 'rtl' : undefined}
          safe
        >
          {term.definition.text}
        </p>
      ) : (
        ''
      )}
      <p>
        <a href={`/${ctx.locale}/glossary/${encodeURIComponent(term.slug)}`} safe>
          {t.t('glossary.terms.more', { word: term.title.text })}
        </a>
      </p>
    </details>
  );
}

/** The section listing the glossary's terms a page names; empty when there are none. */
export function GlossaryTerms({ ctx, terms }: { ctx: PageContext; terms: readonly PageTerm[] }) {
  if (!terms.length) return '';
  const { t } = ctx;
  return (
    <section class="glossary-terms" aria-labelledby="glossary-terms-title">
      <h2 id="glossary-terms-title">{t.html('glossary.terms.title')}</h2>
      <p class="hint">{t.html('glossary.terms.lead')}</p>
      {terms.map((term) => (
        <Term ctx={ctx} term={term} />
      ))}
    </section>
  );
}
