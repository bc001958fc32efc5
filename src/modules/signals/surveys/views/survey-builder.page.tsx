// Building or changing a survey: a plain form. "Add a question", "move" and "remove" post the form
// and show it again with the change (nothing is stored until "save"), so it works without
// JavaScript. Once someone answered, only the closing moment can change.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../../shared/i18n-text.ts';
import { vocabularyOptions } from '../../../../views/components.tsx';
import { formFields, type FormValues } from '../../../../views/form-fields.tsx';
import { fieldMessage, Form, Notice } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import { resultVisibilities, surveyLimits } from '../survey.vocabulary.ts';
import { QuestionFields } from './question-fields.tsx';

export interface BuilderData {
  /** Where the form posts. */
  action: string;
  /** Whom the survey is for: the organisation's name, or null for the whole network. */
  ownerName: string | null;
  /** The list of the owner's surveys, to go back to. */
  back: string;
  themes: { code: string; name: I18nText }[];
  /** Editing a survey: how many answered (then only the closing moment changes). */
  editing?: { responses: number; slug: string; title: string };
}

function DateFields({
  ctx,
  f,
  which,
}: {
  ctx: PageContext;
  f: ReturnType<typeof formFields>;
  which: 'opens' | 'closes';
}) {
  const { t } = ctx;
  return (
    <fieldset class="survey-moment">
      <legend>{t.html(`signals.survey.build.${which}`)}</legend>
      <p class="hint">{t.html(`signals.survey.build.${which}_time_hint`)}</p>
      <div class="side-by-side">
        {f.text(`${which}_on`, t.t('signals.survey.build.day'), { type: 'date' })}
        {f.text(`${which}_time`, t.t('signals.survey.build.time'), { type: 'time' })}
      </div>
    </fieldset>
  );
}

export function SurveyBuilderPage({
  ctx,
  data,
  values,
  count,
  problems,
  notice,
  warning,
}: {
  ctx: PageContext;
  data: BuilderData;
  values: FormValues;
  /** How many questions the form holds. */
  count: number;
  problems?: FieldProblem[];
  notice?: string;
  /** Why the form is shown again as it is now (someone answered meanwhile). */
  warning?: string;
}) {
  const { t } = ctx;
  const f = formFields(ctx, { values, problems });
  const title = t.t(data.editing ? 'signals.survey.build.edit_title' : 'signals.survey.build.new_title');
  const name = (text: I18nText) => pickText(text, ctx.locale)?.text ?? '';
  const questionsProblem = problems?.find((p) => p.field === 'questions');
  const onlyClosing = Boolean(data.editing?.responses);
  return (
    <Layout ctx={ctx} title={title} styles={['surveys.css']}>
      <h1 safe>{title}</h1>
      {data.editing ? (
        <p class="survey-edited" safe>
          {data.editing.title}
        </p>
      ) : (
        ''
      )}
      <p class="lead" safe>
        {data.ownerName
          ? t.t('signals.survey.build.for_organisation', { organisation: data.ownerName })
          : t.t('signals.survey.build.for_network')}
      </p>
      <p>
        <a href={data.back}>{t.html('signals.survey.build.back')}</a>
      </p>
      {notice ? <Notice text={notice} /> : ''}
      {warning ? <Notice tone="warn" text={warning} /> : ''}
      {onlyClosing ? (
        <Notice tone="warn" text={t.t('signals.survey.build.answered', { count: data.editing!.responses })} />
      ) : (
        ''
      )}
      <Form
        ctx={ctx}
        wide
        problems={problems}
        action={data.action}
        submit={t.t('signals.survey.build.save')}
        actions={
          onlyClosing ? (
            ''
          ) : (
            <button
              type="submit"
              name="action"
              value="add"
              class="secondary"
              formaction={`${data.action}#question-${count + 1}`}
            >
              {t.html('signals.survey.build.add')}
            </button>
          )
        }
      >
        {/* Enter in a field saves: the first button of a form is the one Enter presses. */}
        <button
          type="submit"
          name="action"
          value="save"
          class="visually-hidden"
          tabindex="-1"
          aria-hidden="true"
        >
          {t.html('signals.survey.build.save')}
        </button>
        {data.editing ? (
          // What this form changes, so that a change of the whole survey is refused, not cut down,
          // once someone answered meanwhile.
          <input type="hidden" name="scope" value={onlyClosing ? 'closing' : 'all'} />
        ) : (
          ''
        )}
        {onlyClosing ? (
          <DateFields ctx={ctx} f={f} which="closes" />
        ) : (
          <>
            {f.inLanguages('title', t.t('signals.survey.build.title'), {
              maxlength: surveyLimits.title,
              hint: t.t('signals.survey.build.languages_hint'),
            })}
            {f.inLanguages('intro', t.t('signals.survey.build.intro'), {
              long: true,
              maxlength: surveyLimits.intro,
              hint: t.t('signals.survey.build.intro_hint'),
            })}
            {f.select(
              'theme',
              t.t('signals.survey.build.theme'),
              data.themes.map((theme) => ({ value: theme.code, label: name(theme.name) })),
              { empty: t.t('signals.survey.build.no_theme'), hint: t.t('signals.survey.build.theme_hint') },
            )}
            <DateFields ctx={ctx} f={f} which="opens" />
            <DateFields ctx={ctx} f={f} which="closes" />
            {f.choices(
              'results',
              t.t('signals.survey.build.results'),
              vocabularyOptions(ctx, 'signals.survey.visibility', resultVisibilities),
            )}
            <section
              class="survey-questions"
              id="f-questions"
              tabindex="-1"
              aria-labelledby="questions-title"
            >
              <h2 id="questions-title">{t.html('signals.survey.build.questions')}</h2>
              <p class="hint" safe>
                {t.t('signals.survey.build.questions_hint', { max: surveyLimits.maxQuestions })}
              </p>
              {questionsProblem ? (
                <p class="field-error" safe>
                  {fieldMessage(ctx, questionsProblem)}
                </p>
              ) : (
                ''
              )}
              {Array.from({ length: count }, (_, index) => (
                <QuestionFields ctx={ctx} f={f} index={index} count={count} action={data.action} />
              ))}
            </section>
          </>
        )}
      </Form>
    </Layout>
  );
}
