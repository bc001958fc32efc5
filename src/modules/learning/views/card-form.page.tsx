// One card's form, for a new card or one that is there: its text in nl, fr and en and, by kind,
// its links (glossary words and services, one per line), its choices (up to five: what the learner
// may do, the feedback, and where it leads) or its quiz (up to six options, which are right, one
// feedback). Rows left empty are left out; a choice leads to the following card unless told.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { Breadcrumb } from '../../../views/components.tsx';
import { type FormValues, formFields } from '../../../views/form-fields.tsx';
import { Form } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { type CardKind, endOfPath, followingCard, learningLimits as limits } from '../learning.vocabulary.ts';
import { choiceRows, optionRows } from '../paths/card-form.ts';
import type { PathRow } from '../paths/page-data.ts';
import { inReaderLanguage } from './card-parts.tsx';
import { ProblemList } from './problems.tsx';

export function CardFormPage({
  ctx,
  path,
  kind,
  cardKey,
  values = {},
  problems = [],
}: {
  ctx: PageContext;
  path: PathRow;
  kind: CardKind;
  /** The card changed; none for a new card. */
  cardKey?: string;
  values?: FormValues;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const f = formFields(ctx, { values, problems });
  const index = cardKey ? path.cards.findIndex((c) => c.key === cardKey) : path.cards.length;
  const title = t.t(cardKey ? 'learning.editor.change_card' : 'learning.editor.new_card', {
    card: index + 1,
  });
  const base = `/${ctx.locale}/paths/${path.id}`;
  const nextOptions = [
    { value: followingCard, label: t.t('learning.editor.next_following') },
    { value: endOfPath, label: t.t('learning.editor.to_end') },
    ...path.cards
      .map((c, i) => ({
        value: c.key,
        label: `${t.t('learning.editor.to_card', { card: i + 1 })}: ${inReaderLanguage(ctx, c.text).slice(0, 60)}`,
      }))
      .filter((o) => o.value !== cardKey),
  ];
  const nextSelect = (name: string) => f.select(name, t.t('learning.editor.leads_to'), nextOptions);
  return (
    <Layout ctx={ctx} title={title} styles={['learning.css']}>
      <Breadcrumb
        ctx={ctx}
        trail={[
          { href: `/${ctx.locale}/paths`, label: t.t('learning.compose.title') },
          { href: base, label: inReaderLanguage(ctx, path.title) },
        ]}
        current={title}
      />
      <h1 safe>{title}</h1>
      <p>{t.html(`learning.editor.lead_${kind}`)}</p>
      <ProblemList ctx={ctx} problems={problems} />
      <Form
        ctx={ctx}
        action={cardKey ? `${base}/cards/${cardKey}` : `${base}/cards/new`}
        submit={t.t('learning.editor.save_card')}
        wide
      >
        <input type="hidden" name="version" value={String(path.version)} />
        <input type="hidden" name="kind" value={kind} />
        {f.inLanguages(
          'text',
          t.t(
            kind === 'quiz'
              ? 'learning.editor.question'
              : kind === 'situation'
                ? 'learning.editor.situation'
                : 'learning.editor.text',
          ),
          {
            maxlength: limits.text,
            long: true,
          },
        )}
        {kind === 'text' ? (
          <>
            {f.area('concepts', t.t('learning.editor.concepts'), {
              maxlength: 5_000,
              rows: 3,
              hint: t.t('learning.editor.concepts_hint'),
            })}
            {f.area('services', t.t('learning.editor.services'), {
              maxlength: 5_000,
              rows: 3,
              hint: t.t('learning.editor.services_hint'),
            })}
            {nextSelect('next')}
          </>
        ) : kind === 'situation' ? (
          <div id="f-choices" class="learn-rows">
            {choiceRows.map((i) => (
              <fieldset>
                <legend>{t.html('learning.editor.choice', { n: i })}</legend>
                <input type="hidden" name={`choice${i}.key`} value={f.value(`choice${i}.key`) ?? ''} />
                {f.inLanguages(`choice${i}.label`, t.t('learning.editor.choice_label'), {
                  maxlength: limits.label,
                })}
                {f.inLanguages(`choice${i}.feedback`, t.t('learning.editor.choice_feedback'), {
                  maxlength: limits.feedback,
                  long: true,
                })}
                {nextSelect(`choice${i}.next`)}
              </fieldset>
            ))}
          </div>
        ) : (
          <>
            <div id="f-options" class="learn-rows">
              {optionRows.map((i) => (
                <fieldset>
                  <legend>{t.html('learning.editor.option', { n: i })}</legend>
                  <input type="hidden" name={`option${i}.key`} value={f.value(`option${i}.key`) ?? ''} />
                  {f.inLanguages(`option${i}.label`, t.t('learning.editor.option_label'), {
                    maxlength: limits.label,
                  })}
                  {f.choices(
                    `option${i}.correct`,
                    t.t('learning.editor.option_correct'),
                    [{ value: '1', label: t.t('learning.editor.option_is_right') }],
                    { multiple: true },
                  )}
                </fieldset>
              ))}
            </div>
            {f.inLanguages('feedback', t.t('learning.editor.quiz_feedback'), {
              maxlength: limits.feedback,
              long: true,
            })}
            {nextSelect('next')}
          </>
        )}
      </Form>
    </Layout>
  );
}
