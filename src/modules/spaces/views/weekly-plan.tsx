// Before a weekly request is sent: every date it would ask for, the ones that are taken or closed
// marked and left out, and one button to ask for the free ones. Works without JavaScript: the
// request's fields travel along hidden.
import type { PageContext } from '../../../http/request-context.ts';
import { label, Section } from '../../../views/components.tsx';
import { Form } from '../../../views/forms.tsx';
import type { FormValues } from '../../../shared/form-values.ts';
import { one } from '../../../shared/form-values.ts';
import type { Period } from '../spaces.schema.ts';
import { roomTimeZone } from '../spaces.vocabulary.ts';
import { timeOf } from '../presenters/when.ts';

export interface WeeklyPlanView {
  dates: { period: Period; skip: string | null }[];
}

/** The fields of the ask form that a weekly request carries to its confirmation. */
const carried = ['organisation', 'date', 'start', 'end', 'attendees', 'purpose', 'repeat', 'until'] as const;

export function WeeklyPlan({
  ctx,
  roomId,
  plan,
  values,
}: {
  ctx: PageContext;
  roomId: string;
  plan: WeeklyPlanView;
  values: FormValues;
}) {
  const { t } = ctx;
  const day = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'full', timeZone: roomTimeZone });
  const free = plan.dates.filter((d) => d.skip === null).length;
  return (
    <Section id="plan" title={t.t('spaces.plan.title')}>
      <p safe>{t.t('spaces.plan.summary', { count: plan.dates.length, free })}</p>
      <ol class="plan-dates">
        {plan.dates.map(({ period, skip }) => (
          <li class={skip ? 'slot taken' : 'slot free'}>
            <span
              safe
            >{`${day.format(period.start)}, ${timeOf(ctx, period.start)}–${timeOf(ctx, period.end)}`}</span>{' '}
            <strong safe>{skip ? label(ctx, 'spaces.plan.skip', skip) : t.t('spaces.slot.free')}</strong>
          </li>
        ))}
      </ol>
      {free ? (
        <Form
          ctx={ctx}
          action={`/${ctx.locale}/rooms/${roomId}/bookings`}
          submit={t.t('spaces.plan.submit', { count: free })}
          actions={<a href="#ask">{t.html('spaces.plan.change')}</a>}
        >
          {carried.map((name) => (
            <input type="hidden" name={name} value={one(values[name]) ?? ''} />
          ))}
          {/* Only the dates shown free are asked for, even if another becomes free meanwhile. */}
          {plan.dates
            .filter((d) => d.skip === null)
            .map((d) => (
              <input type="hidden" name="dates" value={d.period.start.toISOString()} />
            ))}
          <input type="hidden" name="confirm" value="1" />
        </Form>
      ) : (
        <p>{t.html('spaces.plan.none_free')}</p>
      )}
    </Section>
  );
}
