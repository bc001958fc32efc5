// The questions to the network: a search in any language (GET form), filters by theme and
// commune, and the results with whether they have an accepted answer.
import type { PageContext } from '../../../../http/request-context.ts';
import { pickText } from '../../../../shared/i18n-text.ts';
import { PrevNext } from '../../../../views/components.tsx';
import { Notice } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import { geoReference } from '../../../geo/index.ts';
import type { QuestionsListData } from '../page-data.ts';
import { communeLabel } from './post-parts.tsx';

export function questionsHref(
  ctx: PageContext,
  search: { q?: string; theme?: string; commune?: string; page?: number },
): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(search))
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) qs.set(key, String(value));
  const text = qs.toString();
  return `/${ctx.locale}/questions${text ? `?${text}` : ''}`;
}

export function QuestionsPage({
  ctx,
  data,
  done,
}: {
  ctx: PageContext;
  data: QuestionsListData;
  done?: string;
}) {
  const { t } = ctx;
  const { search, results } = data;
  const title = search.q
    ? t.t('network.question.search_title', { q: search.q.slice(0, 80) })
    : t.t('network.question.list_title');
  const themeOptions = data.themes.flatMap((theme) => [
    { value: theme.code, label: pickText(theme.name, ctx.locale)?.text ?? theme.code },
    ...theme.children.map((c) => ({
      value: c.code,
      label: `— ${pickText(c.name, ctx.locale)?.text ?? c.code}`,
    })),
  ]);
  const themeName = (code: string) =>
    themeOptions.find((o) => o.value === code)?.label.replace(/^— /, '') ?? code;
  return (
    <Layout ctx={ctx} title={title} description={t.t('network.question.lead')}>
      <h1 safe>{title}</h1>
      <p>{t.html('network.question.lead')}</p>
      {done ? <Notice text={done} /> : ''}
      <p>
        <a class="button" href={`/${ctx.locale}/questions/new`}>
          {t.html('network.question.ask')}
        </a>
      </p>
      <form
        method="get"
        action={`/${ctx.locale}/questions`}
        role="search"
        class="search-form questions-search"
      >
        <div class="search-bar">
          <label for="q" class="visually-hidden">
            {t.html('network.question.search_label')}
          </label>
          <input id="q" name="q" type="search" value={search.q ?? ''} maxlength="200" />
          <button type="submit">{t.html('network.question.search_submit')}</button>
        </div>
        <div class="near-bar">
          <label for="theme">{t.html('network.question.theme')}</label>
          <select id="theme" name="theme">
            <option value="">{t.html('network.question.any')}</option>
            {themeOptions.map((o) => (
              <option value={o.value} selected={o.value === search.theme ? true : undefined} safe>
                {o.label}
              </option>
            ))}
          </select>
          <label for="commune">{t.html('network.question.commune')}</label>
          <select id="commune" name="commune">
            <option value="">{t.html('network.question.any')}</option>
            {geoReference().communes.map((c) => (
              <option value={c.nis} selected={c.nis === search.commune ? true : undefined} safe>
                {communeLabel(ctx, c.nis)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {results.concepts.length ? (
        <p class="hint" safe>
          {t.t('network.question.also_in_languages', {
            terms: results.concepts.map((c) => c.concept.terms[ctx.locale][0] ?? c.concept.id).join(', '),
          })}
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="results-title">
        <h2 id="results-title" class="visually-hidden">
          {t.html('network.question.results')}
        </h2>
        {results.hits.length ? (
          <ol class="question-list">
            {results.hits.map((hit) => (
              <li class="question-hit">
                <h3 lang={hit.language}>
                  <a href={`/${ctx.locale}/questions/${hit.id}`} safe>
                    {hit.title}
                  </a>
                </h3>
                <p class="summary" lang={hit.language} safe>
                  {hit.excerpt.length >= 300 ? `${hit.excerpt}…` : hit.excerpt}
                </p>
                <ul class="badges">
                  {hit.isDemo ? <li class="badge">{t.html('network.question.demo_badge')}</li> : ''}
                  <li class="badge" safe>
                    {t.language(hit.language)}
                  </li>
                  <li class={hit.answered ? 'badge verified' : 'badge'} safe>
                    {hit.answered
                      ? t.t('network.question.answered')
                      : t.t('network.answer.count', { count: hit.answerCount })}
                  </li>
                  {hit.visibility === 'members' ? (
                    <li class="badge">{t.html('network.question.members_only')}</li>
                  ) : (
                    ''
                  )}
                  {hit.communeNis ? (
                    <li class="badge" safe>
                      {communeLabel(ctx, hit.communeNis)}
                    </li>
                  ) : (
                    ''
                  )}
                  {hit.themes.map((c) => (
                    <li class="badge" safe>
                      {themeName(c)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ) : (
          <p class="empty">{t.html('network.question.none')}</p>
        )}
      </section>
      <PrevNext
        ctx={ctx}
        page={results.page}
        more={results.more}
        link={(page) => questionsHref(ctx, { ...search, page })}
      />
    </Layout>
  );
}
