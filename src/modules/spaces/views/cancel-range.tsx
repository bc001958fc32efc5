// One form to cancel every booking of a room between two dates: the owners' (everyone's bookings of
// their room; they say why) or an asking organisation's (its own bookings of that room). It shows
// when there is a room to choose, and always when it comes back refused.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { formFields, type FormValues } from '../../../views/form-fields.tsx';
import { Form } from '../../../views/forms.tsx';
import { Section } from '../../../views/components.tsx';

export interface CancelRangeState {
  values: FormValues;
  problems: FieldProblem[];
}

export function CancelRangeForm({
  ctx,
  organisationId,
  rooms,
  side,
  state,
}: {
  ctx: PageContext;
  organisationId: string;
  rooms: { id: string; name: I18nText }[];
  side: 'owner' | 'asker';
  state?: CancelRangeState;
}) {
  const { t } = ctx;
  if (!rooms.length && !state) return '';
  const f = formFields(ctx, { values: state?.values, problems: state?.problems });
  return (
    <Section id="cancel-range" title={t.t('spaces.range.title')}>
      <Form
        ctx={ctx}
        // Refused, the page opens at this form again: the browser keeps the action's fragment.
        action={`/${ctx.locale}/manage/organisations/${organisationId}/bookings/cancel#cancel-range-title`}
        submit={t.t('spaces.range.submit')}
        problems={state?.problems}
      >
        <p class="hint">{t.html(`spaces.range.hint_${side}`)}</p>
        {f.select(
          'room',
          t.t('spaces.range.room'),
          rooms.map((r) => ({ value: r.id, label: pickText(r.name, ctx.locale)?.text ?? '' })),
        )}
        <div class="side-by-side">
          {f.text('from', t.t('spaces.range.from'), { type: 'date', required: true })}
          {f.text('to', t.t('spaces.range.to'), { type: 'date', required: true })}
        </div>
        {f.text('reason', t.t(`spaces.range.reason_${side}`), {
          maxlength: 500,
          required: side === 'owner',
        })}
      </Form>
    </Section>
  );
}
