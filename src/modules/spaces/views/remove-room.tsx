// The end of a room's form: removing the room, with the reason its groups read when bookings to
// come are cancelled with it.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { Section } from '../../../views/components.tsx';
import { formFields, type FormValues } from '../../../views/form-fields.tsx';
import { Form } from '../../../views/forms.tsx';

export function RemoveRoom({
  ctx,
  roomId,
  values = {},
  problems = [],
}: {
  ctx: PageContext;
  roomId: string;
  values?: FormValues;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const f = formFields(ctx, { values, problems });
  return (
    <Section id="remove" title={t.t('spaces.remove.title')}>
      <Form
        ctx={ctx}
        action={`/${ctx.locale}/manage/rooms/${roomId}/remove#remove-title`}
        submit={t.t('spaces.remove.submit')}
        danger
        problems={problems.length ? problems : undefined}
      >
        <p class="hint">{t.html('spaces.remove.hint')}</p>
        {f.text('reason', t.t('spaces.remove.reason'), { maxlength: 500 })}
      </Form>
    </Section>
  );
}
