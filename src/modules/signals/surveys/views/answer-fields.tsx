// One question on the answer page, as the kind asks: radio buttons, checkboxes, a 1-5 scale, a
// number, a short text, or a list of Brussels quartiers grouped by commune. Plain form controls:
// they work without JavaScript and on any phone.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../../shared/i18n-text.ts';
import type { FormFields } from '../../../../views/form-fields.tsx';
import { fieldMessage } from '../../../../views/forms.tsx';
import { answerField } from '../check-answer.ts';
import { type SurveyQuestion, surveyLimits } from '../survey.vocabulary.ts';

export interface QuartierGroup {
  commune: string;
  quartiers: { code: number; name: string }[];
}

const textOf = (ctx: PageContext, text: I18nText) => pickText(text, ctx.locale)?.text ?? '';

function QuartierSelect({
  ctx,
  name,
  label,
  hint,
  value,
  groups,
  problems,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string;
  value: string | undefined;
  groups: QuartierGroup[];
  problems: FieldProblem[];
}) {
  const id = `f-${name}`;
  const problem = problems.find((p) => p.field === name);
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id} safe>
        {label}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`} safe>
          {hint}
        </p>
      ) : (
        ''
      )}
      {problem ? (
        <p class="field-error" id={`${id}-error`} safe>
          {fieldMessage(ctx, problem)}
        </p>
      ) : (
        ''
      )}
      <select
        id={id}
        name={name}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        <option value="">{ctx.t.html('signals.survey.answer.choose')}</option>
        {groups.map((group) => (
          <optgroup label={group.commune}>
            {group.quartiers.map((q) => (
              <option value={String(q.code)} selected={String(q.code) === value ? true : undefined} safe>
                {q.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function AnswerField({
  ctx,
  f,
  question,
  quartiers,
  problems,
}: {
  ctx: PageContext;
  f: FormFields;
  question: SurveyQuestion;
  quartiers: QuartierGroup[];
  problems: FieldProblem[];
}) {
  const { t } = ctx;
  const name = answerField(question);
  const prompt = textOf(ctx, question.prompt);
  const needed = question.required ? t.t('signals.survey.answer.needed') : undefined;
  const withNeeded = (hint: string) => (needed ? `${hint} ${needed}` : hint);
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return f.choices(
        name,
        prompt,
        question.options.map((o, i) => {
          const picked = pickText(o, ctx.locale);
          return {
            value: String(i),
            label: picked?.text ?? '',
            lang: picked?.fallback ? picked.lang : undefined,
          };
        }),
        {
          multiple: question.kind === 'multiple',
          hint: question.kind === 'multiple' ? withNeeded(t.t('signals.survey.answer.several')) : needed,
        },
      );
    case 'scale':
      return f.choices(
        name,
        prompt,
        [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
        { hint: withNeeded(t.t('signals.survey.answer.scale_hint')) },
      );
    case 'number':
      return f.text(name, prompt, {
        maxlength: 20,
        hint: withNeeded(t.t('signals.survey.answer.number_hint')),
      });
    case 'text':
      return f.text(name, prompt, {
        maxlength: surveyLimits.answer,
        hint: withNeeded(t.t('signals.survey.answer.text_hint', { max: surveyLimits.answer })),
      });
    case 'quartier':
      return (
        <QuartierSelect
          ctx={ctx}
          name={name}
          label={prompt}
          hint={withNeeded(t.t('signals.survey.answer.quartier_hint'))}
          value={f.value(name)}
          groups={quartiers}
          problems={problems}
        />
      );
  }
}
