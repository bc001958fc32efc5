// A concept of the glossary: its words per language (the preferred one, then synonyms and
// abbreviations with the sector that uses them), its definition, the directory's themes it belongs
// to, the concepts around it, and a search of the directory for it.
import { href, type PageContext } from '../../../../http/request-context.ts';
import { textIn } from '../../../../shared/i18n-text.ts';
import { Breadcrumb, Section } from '../../../../views/components.tsx';
import { Notice } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import type { ConceptLanguage, ConceptPageData, ConceptWord, LinkedConcept } from '../concept-page-data.ts';
import { ConceptLink, ConceptName, languageName, Word } from './glossary-parts.tsx';

function WordBadges({ ctx, word }: { ctx: PageContext; word: ConceptWord }) {
  const { t } = ctx;
  return (
    <>
      {word.kind === 'abbreviation' ? (
        <>
          {' '}
          <span class="badge">{t.html('glossary.concept.abbreviation')}</span>
        </>
      ) : (
        ''
      )}
      {word.sector ? (
        <>
          {' '}
          <span class="badge" safe>
            {t.t('glossary.concept.used_at', { sector: t.t(`glossary.sector.${word.sector}`) })}
          </span>
        </>
      ) : (
        ''
      )}
    </>
  );
}

function LanguageWords({ ctx, words }: { ctx: PageContext; words: ConceptLanguage }) {
  const { t } = ctx;
  return (
    <div class="glossary-language">
      <h3 safe>{languageName(ctx, words.language)}</h3>
      {words.preferred ? (
        <p class="glossary-preferred">
          <strong>
            <Word ctx={ctx} language={words.language} text={words.preferred.text} />
          </strong>{' '}
          <span class="badge">{t.html('glossary.concept.preferred')}</span>
          <WordBadges ctx={ctx} word={words.preferred} />
        </p>
      ) : (
        <p class="hint">{t.html('glossary.concept.no_preferred')}</p>
      )}
      {words.others.length ? (
        <ul class="glossary-words" aria-label={t.t('glossary.concept.other_words')}>
          {words.others.map((word) => (
            <li>
              <Word ctx={ctx} language={words.language} text={word.text} />
              <WordBadges ctx={ctx} word={word} />
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </div>
  );
}

function Linked({
  ctx,
  id,
  title,
  concepts,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  concepts: LinkedConcept[];
}) {
  if (!concepts.length) return '';
  return (
    <Section id={id} title={title}>
      <ul>
        {concepts.map((c) => (
          <li>
            <ConceptLink ctx={ctx} slug={c.slug} title={c.title} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The concept's versions: when each was made and the moderator's note. */
function History({ ctx, history }: { ctx: PageContext; history: ConceptPageData['history'] }) {
  const { t } = ctx;
  return (
    <Section id="history" title={t.t('glossary.concept.history')}>
      <ol class="glossary-history">
        {history.map((v) => (
          <li>
            <span safe>{t.t('glossary.concept.version', { version: v.version, date: t.date(v.at) })}</span>
            {v.imported || v.note ? (
              <>
                {' — '}
                <span safe>{v.imported ? t.t('glossary.concept.first_edition') : v.note}</span>
              </>
            ) : (
              ''
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function ConceptPage({
  ctx,
  data,
  done,
}: {
  ctx: PageContext;
  data: ConceptPageData;
  /** What a moderator's form just did. */
  done?: string;
}) {
  const { t } = ctx;
  const moderator = ctx.user?.platformRole === 'moderator' || ctx.user?.platformRole === 'admin';
  const definitions = data.languages.filter((l) => l.definition);
  const searchWord = data.title.text;
  return (
    <Layout ctx={ctx} title={t.t('glossary.concept.page_title', { word: data.title.text })}>
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/glossary`, label: t.t('glossary.title') }]}
        current={data.title.text}
      />
      {done ? <Notice text={done} /> : ''}
      <h1>
        <ConceptName ctx={ctx} title={data.title} />
      </h1>
      {moderator ? (
        <p>
          <a class="button" href={`/${ctx.locale}/glossary/${encodeURIComponent(data.slug)}/edit`}>
            {t.html('glossary.concept.edit')}
          </a>
        </p>
      ) : (
        ''
      )}
      <Section id="words" title={t.t('glossary.concept.words')} class="glossary-languages">
        {data.languages.map((words) => (
          <LanguageWords ctx={ctx} words={words} />
        ))}
      </Section>
      <Section id="definition" title={t.t('glossary.concept.definition')}>
        {definitions.length ? (
          definitions.map((d) => (
            <div class="glossary-definition">
              <h3 safe>{languageName(ctx, d.language)}</h3>
              <p
                lang={d.language === ctx.locale ? undefined : d.language}
                dir={d.language === 'ar' ? 'rtl' : undefined}
                safe
              >
                {d.definition}
              </p>
            </div>
          ))
        ) : (
          <p class="empty">{t.html('glossary.concept.no_definition')}</p>
        )}
      </Section>
      <Section id="themes" title={t.t('glossary.concept.themes')}>
        {data.themes.length ? (
          <ul>
            {data.themes.map((theme) => (
              <li>
                <a href={href(ctx, '/directory', { theme: theme.code })} safe>
                  {textIn(theme.name, ctx.locale) || theme.code}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t.html('glossary.concept.no_themes')}</p>
        )}
      </Section>
      <Linked ctx={ctx} id="broader" title={t.t('glossary.concept.broader')} concepts={data.broader} />
      <Linked ctx={ctx} id="narrower" title={t.t('glossary.concept.narrower')} concepts={data.narrower} />
      <Linked ctx={ctx} id="related" title={t.t('glossary.concept.related')} concepts={data.related} />
      <p>
        <a class="button" href={href(ctx, '/search', { q: searchWord })} safe>
          {t.t('glossary.concept.search_directory', { word: searchWord })}
        </a>
      </p>
      <History ctx={ctx} history={data.history} />
      <p>
        <a href={`/${ctx.locale}/glossary`}>{t.html('glossary.concept.back')}</a>
      </p>
    </Layout>
  );
}
