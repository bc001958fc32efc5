// "What I follow": the themes and questions the reader follows, each with its button to stop, a form
// to tick more themes, and whether the daily digest goes out. Plain forms: works without JavaScript.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { pickText, textIn } from '../../../../shared/i18n-text.ts';
import { Section } from '../../../../views/components.tsx';
import { Choices, Form, Notice, PostButton } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import type { FollowedTheme, FollowsPageData } from '../page-data.ts';

const themeName = (ctx: PageContext, theme: FollowedTheme) => {
  const own = textIn(theme.name, ctx.locale) || theme.code;
  return theme.parentName ? `${textIn(theme.parentName, ctx.locale)} › ${own}` : own;
};

function DigestState({ ctx, digest }: { ctx: PageContext; digest: FollowsPageData['digest'] }) {
  const { t } = ctx;
  if (!digest.follows) return <p>{t.html('network.follow.digest_off')}</p>;
  if (!digest.verified) return <Notice tone="warn" text={t.t('network.follow.digest_unverified')} />;
  return <p>{t.html('network.follow.digest_on', { email: digest.email })}</p>;
}

export function FollowsPage({
  ctx,
  data,
  done,
  problems,
}: {
  ctx: PageContext;
  data: FollowsPageData;
  done?: string;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const here = `/${ctx.locale}/account/follows`;
  const title = t.t('network.follow.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {done ? <Notice text={done} /> : ''}
      <DigestState ctx={ctx} digest={data.digest} />

      <Section id="themes" title={t.t('network.follow.themes')}>
        {data.themes.length ? (
          <ul class="follows-list">
            {data.themes.map((theme) => {
              const name = themeName(ctx, theme);
              return (
                <li>
                  <span safe>{name}</span>{' '}
                  <PostButton
                    ctx={ctx}
                    action={`/${ctx.locale}/follows/themes`}
                    label={t.t('network.follow.unfollow')}
                    ariaLabel={t.t('network.follow.unfollow_named', { name })}
                    hidden={{ theme: theme.code, action: 'unfollow', next: `${here}?done=theme_unfollowed` }}
                  />
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{t.html('network.follow.no_themes')}</p>
        )}
      </Section>

      <Section id="questions" title={t.t('network.follow.questions')}>
        {data.questions.length ? (
          <ul class="follows-list">
            {data.questions.map((q) => {
              const name = q.readable ? q.title : t.t('network.follow.question_gone');
              return (
                <li>
                  {q.readable ? (
                    <a href={`/${ctx.locale}/questions/${q.id}`} lang={q.language} safe>
                      {q.title}
                    </a>
                  ) : (
                    <span safe>{name}</span>
                  )}{' '}
                  {q.readable ? (
                    <span class="hint" safe>
                      {t.t('network.follow.answers', { count: q.answerCount })}
                    </span>
                  ) : (
                    ''
                  )}{' '}
                  <PostButton
                    ctx={ctx}
                    action={`/${ctx.locale}/questions/${q.id}/unfollow`}
                    label={t.t('network.follow.unfollow')}
                    ariaLabel={t.t('network.follow.unfollow_named', { name })}
                    hidden={{ next: `${here}?done=question_unfollowed` }}
                  />
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{t.html('network.follow.no_questions')}</p>
        )}
      </Section>

      <Section id="follow-themes" title={t.t('network.follow.add_themes')}>
        {problems?.length ? (
          <p class="field-error" role="alert" safe>
            {t.t('network.follow.choose_theme')}
          </p>
        ) : (
          ''
        )}
        {data.themeOptions.length ? (
          <Form
            ctx={ctx}
            action={`/${ctx.locale}/follows/themes`}
            submit={t.t('network.follow.follow_themes')}
          >
            <input type="hidden" name="action" value="follow" />
            <input type="hidden" name="next" value={`${here}?done=themes_followed`} />
            <Choices
              ctx={ctx}
              name="theme"
              legend={t.t('network.follow.themes_legend')}
              hint={t.t('network.follow.themes_hint')}
              multiple
              checked={[]}
              options={data.themeOptions.map((o) => {
                const picked = pickText(o.name, ctx.locale);
                return {
                  value: o.code,
                  label: picked?.text ?? o.code,
                  lang: picked?.fallback ? picked.lang : undefined,
                };
              })}
            />
          </Form>
        ) : (
          <p>{t.html('network.follow.all_themes')}</p>
        )}
      </Section>
    </Layout>
  );
}
