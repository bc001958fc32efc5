// A question's page: the question, its answers (the accepted one first), the cards of the
// directory's services they point to, following, reporting and, for moderators, hiding.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { pickText } from '../../../../shared/i18n-text.ts';
import { Breadcrumb, languageNames } from '../../../../views/components.tsx';
import { formFields } from '../../../../views/form-fields.tsx';
import { Form, Notice, PostButton } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import type { PageTerm } from '../../../glossary/index.ts';
import { GlossaryTerms } from '../../../glossary/views.ts';
import { postLanguages, postLimits } from '../../network.vocabulary.ts';
import type { AnswerView, QuestionPageData } from '../page-data.ts';
import {
  Byline,
  communeLabel,
  DirectoryCards,
  EditLink,
  ModerationForms,
  ReportLink,
} from './post-parts.tsx';

function Paragraphs({ text, lang }: { text: string; lang: string }) {
  return (
    <div class="post-body" lang={lang}>
      {text.split(/\n{2,}/).map((p) => (
        <p safe>{p}</p>
      ))}
    </div>
  );
}

export function ThemeBadges({
  ctx,
  codes,
  themeName,
}: {
  ctx: PageContext;
  codes: string[];
  themeName: (code: string) => string;
}) {
  if (!codes.length) return '';
  return (
    <ul class="badges" aria-label={ctx.t.t('network.question.themes')}>
      {codes.map((c) => (
        <li class="badge">
          <a href={`/${ctx.locale}/questions?theme=${encodeURIComponent(c)}`} safe>
            {themeName(c)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function AnswerItem({ ctx, data, answer }: { ctx: PageContext; data: QuestionPageData; answer: AnswerView }) {
  const { t } = ctx;
  const { question, reader } = data;
  return (
    <li class={answer.accepted ? 'answer accepted' : 'answer'} id={`answer-${answer.id}`}>
      <article aria-label={t.t('network.answer.label', { name: answer.authorName ?? '' })}>
        {answer.accepted ? <p class="badge verified">{t.html('network.answer.accepted')}</p> : ''}
        <Byline ctx={ctx} by={answer} at={answer.createdAt} edited={answer.editedAt} />
        <Paragraphs text={answer.body} lang={answer.language} />
        <DirectoryCards ctx={ctx} cards={answer.cards} />
        <div class="post-actions">
          {data.isAsker && !answer.accepted && !answer.hiddenAt && !question.hiddenAt ? (
            <PostButton
              ctx={ctx}
              action={`/${ctx.locale}/questions/${question.id}/accept`}
              hidden={{ answer: answer.id }}
              label={t.t(
                question.acceptedAnswerId ? 'network.answer.accept_instead' : 'network.answer.accept',
              )}
              secondary={false}
            />
          ) : (
            ''
          )}
          {reader.userId !== null &&
          answer.authorId === reader.userId &&
          !answer.hiddenAt &&
          !question.hiddenAt ? (
            <EditLink ctx={ctx} post={{ kind: 'answer', id: answer.id }} />
          ) : (
            ''
          )}
          {answer.accepted && reader.member && !answer.hiddenAt && !question.hiddenAt ? (
            <a href={`/${ctx.locale}/practices/new?answer=${answer.id}`}>
              {t.html('network.answer.to_practice')}
            </a>
          ) : (
            ''
          )}
          {answer.hiddenAt ? '' : <ReportLink ctx={ctx} post={{ kind: 'answer', id: answer.id }} />}
          {reader.moderator ? (
            <ModerationForms
              ctx={ctx}
              post={{ kind: 'answer', id: answer.id }}
              hidden={answer.hiddenAt ? { reason: answer.hiddenReason } : null}
            />
          ) : (
            ''
          )}
        </div>
      </article>
    </li>
  );
}

export function QuestionPage({
  ctx,
  data,
  themeName,
  done,
  values = {},
  problems = [],
  message,
  terms = [],
}: {
  ctx: PageContext;
  data: QuestionPageData;
  themeName: (code: string) => string;
  done?: string;
  values?: Record<string, string>;
  problems?: FieldProblem[];
  message?: string;
  /** The glossary's concepts the question and its answers name. */
  terms?: readonly PageTerm[];
}) {
  const { t } = ctx;
  const { question, reader } = data;
  const base = `/${ctx.locale}/questions/${question.id}`;
  const f = formFields(ctx, { values: { language: ctx.locale, ...values }, problems });
  const visible = data.answers.filter((a) => !a.hiddenAt).length;
  return (
    <Layout ctx={ctx} title={question.title} description={question.body.slice(0, 160)}>
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/questions`, label: t.t('network.question.list_title') }]}
        current={question.title}
      />
      {done ? <Notice text={done} /> : ''}
      {message ? <Notice text={message} tone="warn" /> : ''}
      <article class="question" aria-labelledby="question-title">
        <h1 id="question-title" lang={question.language} safe>
          {question.title}
        </h1>
        <Byline ctx={ctx} by={question} at={question.createdAt} edited={question.editedAt} />
        {question.isDemo ? <p class="demo-label">{t.html('network.question.demo')}</p> : ''}
        <ul class="badges">
          <li class="badge" safe>
            {t.t('network.question.written_in', { language: t.language(question.language) })}
          </li>
          {question.visibility === 'members' ? (
            <li class="badge">{t.html('network.question.members_only')}</li>
          ) : (
            ''
          )}
          {question.communeNis ? (
            <li class="badge" safe>
              {communeLabel(ctx, question.communeNis)}
            </li>
          ) : (
            ''
          )}
        </ul>
        <ThemeBadges ctx={ctx} codes={question.themes} themeName={themeName} />
        <Paragraphs text={question.body} lang={question.language} />
        <div class="post-actions">
          {data.following === null ? (
            ''
          ) : (
            <PostButton
              ctx={ctx}
              action={`${base}/${data.following ? 'unfollow' : 'follow'}`}
              hidden={{ next: base }}
              label={t.t(data.following ? 'network.question.unfollow' : 'network.question.follow')}
            />
          )}
          {data.isAsker && !question.hiddenAt ? (
            <EditLink ctx={ctx} post={{ kind: 'question', id: question.id }} />
          ) : (
            ''
          )}
          {question.hiddenAt ? '' : <ReportLink ctx={ctx} post={{ kind: 'question', id: question.id }} />}
          {reader.moderator ? (
            <ModerationForms
              ctx={ctx}
              post={{ kind: 'question', id: question.id }}
              hidden={question.hiddenAt ? { reason: question.hiddenReason } : null}
            />
          ) : (
            ''
          )}
        </div>
      </article>
      <section aria-labelledby="answers-title">
        <h2 id="answers-title" safe>
          {t.t('network.answer.count', { count: visible })}
        </h2>
        {data.answers.length ? (
          <ol class="answers">
            {data.answers.map((answer) => (
              <AnswerItem ctx={ctx} data={data} answer={answer} />
            ))}
          </ol>
        ) : (
          <p class="empty">{t.html('network.answer.none')}</p>
        )}
      </section>
      <GlossaryTerms ctx={ctx} terms={terms} />
      <section aria-labelledby="answer-form-title">
        <h2 id="answer-form-title">{t.html('network.answer.form_title')}</h2>
        {question.hiddenAt ? (
          <p>{t.html('network.answer.closed')}</p>
        ) : data.writesFor.length ? (
          <Form
            ctx={ctx}
            action={`${base}/answers`}
            submit={t.t('network.answer.submit')}
            problems={problems}
          >
            {f.area('body', t.t('network.answer.body'), {
              maxlength: postLimits.body.max,
              rows: 8,
              hint: t.t('network.answer.body_hint'),
            })}
            {f.area('links', t.t('network.answer.links'), {
              maxlength: 5000,
              rows: 2,
              hint: t.t('network.answer.links_hint'),
            })}
            {f.select(
              'language',
              t.t('network.question.language'),
              postLanguages.map((l) => ({ value: l, label: languageNames[l] })),
            )}
            {data.writesFor.length > 1
              ? f.select(
                  'organisation',
                  t.t('network.question.organisation'),
                  data.writesFor.map((o) => ({
                    value: o.id,
                    label: pickText(o.name, ctx.locale)?.text ?? o.id,
                  })),
                )
              : ''}
          </Form>
        ) : ctx.user ? (
          <p>{t.html('network.answer.members_only')}</p>
        ) : (
          <p>
            <a href={`/${ctx.locale}/login?next=${encodeURIComponent(base)}`}>
              {t.html('network.answer.log_in')}
            </a>
          </p>
        )}
      </section>
    </Layout>
  );
}
