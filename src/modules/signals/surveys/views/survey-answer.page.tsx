// The public answer page: the survey's title and introduction in the reader's language (or the
// nearest one written), then its questions as one plain form. Before it opens, after it closes, or
// once this browser answered, a clear message instead of the form.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../../shared/i18n-text.ts';
import { formFields, type FormValues } from '../../../../views/form-fields.tsx';
import { Form, Notice } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import type { SurveyView } from '../survey-view.ts';
import { AnswerField, type QuartierGroup } from './answer-fields.tsx';
import { surveyWhen } from './survey-dates.tsx';

/** A text in the reader's language, marked with its own language when it is another. */
export function SurveyText({ ctx, text, as = 'p' }: { ctx: PageContext; text: I18nText; as?: 'p' | 'h1' }) {
  const picked = pickText(text, ctx.locale);
  if (!picked) return '';
  const lang = picked.fallback ? picked.lang : undefined;
  if (as === 'h1')
    return (
      <h1 lang={lang} safe>
        {picked.text}
      </h1>
    );
  return (
    <div class="survey-intro" lang={lang}>
      {picked.text
        .split(/\n\s*\n|\r?\n/)
        .filter((part) => part.trim())
        .map((part) => (
          <p safe>{part}</p>
        ))}
    </div>
  );
}

export function SurveyAnswerPage({
  ctx,
  survey,
  quartiers,
  answered,
  resultsShown,
  values = {},
  problems = [],
  message,
  done,
}: {
  ctx: PageContext;
  survey: SurveyView;
  quartiers: QuartierGroup[];
  /** This browser answered already. */
  answered: boolean;
  /** The public may see the results now. */
  resultsShown: boolean;
  values?: FormValues;
  problems?: FieldProblem[];
  /** Why the answer was refused as a whole (closed, answered before, too many). */
  message?: string;
  done?: string;
}) {
  const { t } = ctx;
  const f = formFields(ctx, { values, problems });
  const path = `/${ctx.locale}/surveys/${survey.slug}`;
  const title = pickText(survey.title, ctx.locale)?.text ?? '';
  const canAnswer = survey.state === 'open' && !answered && !done;
  return (
    <Layout ctx={ctx} title={title} styles={['surveys.css']}>
      <SurveyText ctx={ctx} text={survey.title} as="h1" />
      <p class="muted" safe>
        {surveyWhen(ctx, survey)}
      </p>
      {done ? <Notice text={done} /> : ''}
      {message ? <Notice text={message} tone="warn" /> : ''}
      {!done && !message && survey.state === 'upcoming' ? (
        <Notice tone="warn" text={t.t('signals.survey.answer.upcoming')} />
      ) : (
        ''
      )}
      {!done && !message && survey.state === 'closed' ? (
        <Notice tone="warn" text={t.t('signals.survey.answer.closed')} />
      ) : (
        ''
      )}
      {!done && !message && answered && survey.state === 'open' ? (
        <Notice tone="warn" text={t.t('signals.survey.answer.already')} />
      ) : (
        ''
      )}
      <SurveyText ctx={ctx} text={survey.intro} />
      {canAnswer ? (
        <>
          <p class="hint">{t.html('signals.survey.answer.anonymous')}</p>
          <Form ctx={ctx} problems={problems} action={path} submit={t.t('signals.survey.answer.submit')}>
            {/* The survey as this form shows it: answers to questions changed since are refused. */}
            <input type="hidden" name="version" value={survey.version} />
            {survey.questions.map((question) => (
              <AnswerField ctx={ctx} f={f} question={question} quartiers={quartiers} problems={problems} />
            ))}
          </Form>
        </>
      ) : (
        ''
      )}
      {resultsShown ? (
        <p class="survey-after">
          <a href={`${path}/results`}>{t.html('signals.survey.answer.see_results')}</a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
