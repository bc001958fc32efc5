// One question of the survey builder: its kind, its prompt and options in nl, fr and en, whether an
// answer is needed, and buttons to move or remove it. The buttons post the whole form, which comes
// back with the change: no JavaScript needed.
import type { PageContext } from '../../../../http/request-context.ts';
import { vocabularyOptions } from '../../../../views/components.tsx';
import type { FormFields } from '../../../../views/form-fields.tsx';
import { questionField } from '../survey-draft.ts';
import { questionKinds, surveyLimits } from '../survey.vocabulary.ts';

export function QuestionFields({
  ctx,
  f,
  index,
  count,
  action,
}: {
  ctx: PageContext;
  f: FormFields;
  index: number;
  count: number;
  /** Where the form posts: each button comes back to where its change shows. */
  action: string;
}) {
  const { t } = ctx;
  const name = (field: string) => questionField(index, field);
  const number = { number: index + 1 };
  const required = f.checked(name('required')).includes('yes');
  return (
    <fieldset class="survey-question" id={`question-${index + 1}`}>
      <legend safe>{t.t('signals.survey.build.question', number)}</legend>
      <input type="hidden" name={name('id')} value={f.value(name('id')) ?? ''} />
      {f.select(
        name('kind'),
        t.t('signals.survey.build.kind'),
        vocabularyOptions(ctx, 'signals.survey.kind', questionKinds),
      )}
      {f.inLanguages(name('prompt'), t.t('signals.survey.build.prompt'), { maxlength: surveyLimits.prompt })}
      {f.inLanguages(name('options'), t.t('signals.survey.build.options'), {
        long: true,
        maxlength: 4000,
        hint: t.t('signals.survey.build.options_hint'),
      })}
      <p class="check">
        <label>
          <input type="checkbox" name={name('required')} value="yes" checked={required ? true : undefined} />{' '}
          {t.html('signals.survey.build.required')}
        </label>
      </p>
      <div class="survey-question-actions">
        {index > 0 ? (
          <button
            type="submit"
            name="action"
            value={`up-${index}`}
            formaction={`${action}#question-${index}`}
            class="secondary"
            aria-label={t.t('signals.survey.build.up_named', number)}
          >
            {t.html('signals.survey.build.up')}
          </button>
        ) : (
          ''
        )}
        {index < count - 1 ? (
          <button
            type="submit"
            name="action"
            value={`down-${index}`}
            formaction={`${action}#question-${index + 2}`}
            class="secondary"
            aria-label={t.t('signals.survey.build.down_named', number)}
          >
            {t.html('signals.survey.build.down')}
          </button>
        ) : (
          ''
        )}
        <button
          type="submit"
          name="action"
          value={`remove-${index}`}
          formaction={`${action}#${index ? `question-${index}` : 'f-questions'}`}
          class="secondary"
          aria-label={t.t('signals.survey.build.remove_named', number)}
        >
          {t.html('signals.survey.build.remove')}
        </button>
      </div>
    </fieldset>
  );
}
