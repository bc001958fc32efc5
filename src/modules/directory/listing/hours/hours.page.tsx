// A service's weekly hours, two periods a day, and dated exceptions (closures, special days).
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../../shared/i18n-text.ts';
import { DataTable, Section } from '../../../../views/components.tsx';
import { formFields } from '../../../../views/form-fields.tsx';
import { ErrorSummary, FieldError, Form, Notice, PostButton } from '../../../../views/forms.tsx';
import { ListingLayout } from '../listing-parts.tsx';

function weekdayNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** One period of one day: "d1p2" is Monday's second. */
interface Slot {
  key: string;
  dayName: string;
  period: number;
  problem: FieldProblem | undefined;
}

/**
 * The time a period opens or closes, labelled for screen readers. The period's error stands above
 * both; the opening time, which the error summary links to, names it.
 */
function TimeInput({
  ctx,
  slot,
  end,
  value,
}: {
  ctx: PageContext;
  slot: Slot;
  end: 'opens' | 'closes';
  value: string | undefined;
}) {
  const name = `${slot.key}${end === 'opens' ? 'o' : 'c'}`;
  const id = `f-${name}`;
  return (
    <>
      <label for={id} class="visually-hidden" safe>
        {ctx.t.t(`directory.hours.${end}_label`, { day: slot.dayName, period: slot.period })}
      </label>
      <input
        type="time"
        id={id}
        name={name}
        value={value ?? ''}
        aria-invalid={slot.problem ? 'true' : undefined}
        aria-describedby={slot.problem && end === 'opens' ? `f-${slot.key}-error` : undefined}
      />
    </>
  );
}

export function HoursPage({
  ctx,
  serviceId,
  organisationId,
  name,
  values,
  closedOnPublicHolidays,
  special,
  problems = [],
  saved,
  exceptions,
  exceptionValues = {},
  exceptionProblems = [],
}: {
  ctx: PageContext;
  exceptions: {
    id: string;
    startsOn: string;
    endsOn: string;
    closed: boolean;
    opensAt: string | null;
    closesAt: string | null;
    note: I18nText | null;
  }[];
  exceptionValues?: Record<string, string>;
  exceptionProblems?: FieldProblem[];
  serviceId: string;
  organisationId: string;
  name: I18nText;
  /** "d1p1o" (Monday, first period, opens) and so on, as typed or stored. */
  values: Record<string, string>;
  closedOnPublicHolidays: boolean;
  /** Some hours are per location or season, and kept as they are. */
  special: boolean;
  problems?: FieldProblem[];
  saved?: boolean;
}) {
  const { t } = ctx;
  const f = formFields(ctx, { values: exceptionValues, problems: exceptionProblems });
  const title = t.t('directory.hours.title', { service: pickText(name, ctx.locale)?.text ?? '' });
  const days = weekdayNames(ctx.locale);
  const problemOf = (day: number, period: number) => problems.find((p) => p.field === `d${day}p${period}`);
  /**
   * "Until the next day" is asked where it matters: a period that closes before it opens (stored
   * so, typed so, or refused for it) or one already said to end the next day.
   */
  const asksNextDay = (day: number, period: number) => {
    const key = `d${day}p${period}`;
    const [opens, closes] = [values[`${key}o`] ?? '', values[`${key}c`] ?? ''];
    return (
      values[`${key}n`] === '1' ||
      (opens !== '' && closes !== '' && closes < opens) ||
      problemOf(day, period)?.code === 'hours_past_midnight'
    );
  };
  return (
    <ListingLayout ctx={ctx} title={title} organisationId={organisationId} saved={saved}>
      <p>
        <a href={`/${ctx.locale}/manage/services/${serviceId}`}>{t.html('directory.hours.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} problems={problems.map((p) => ({ ...p, field: `${p.field}o` }))} />
      <p>{t.html('directory.hours.lead')}</p>
      {special ? <Notice tone="warn" text={t.t('directory.hours.special')} /> : ''}
      <Form
        ctx={ctx}
        action={`/${ctx.locale}/manage/services/${serviceId}/hours`}
        submit={t.t('directory.edit.save')}
        wide
      >
        <DataTable
          class="hours-form"
          caption={t.t('directory.hours.caption')}
          columns={[t.t('directory.hours.day'), t.t('directory.hours.first'), t.t('directory.hours.second')]}
        >
          {days.map((dayName, i) => {
            const day = i + 1;
            return (
              <tr>
                <th scope="row" safe>
                  {dayName}
                </th>
                {[1, 2].map((period) => {
                  const key = `d${day}p${period}`;
                  const problem = problemOf(day, period);
                  const slot = { key, dayName, period, problem };
                  return (
                    <td>
                      <FieldError ctx={ctx} id={`f-${key}`} problem={problem} />
                      <TimeInput ctx={ctx} slot={slot} end="opens" value={values[`${key}o`]} />
                      {' – '}
                      <TimeInput ctx={ctx} slot={slot} end="closes" value={values[`${key}c`]} />
                      {asksNextDay(day, period) ? (
                        <label class="check next-day">
                          <input
                            type="checkbox"
                            name={`${key}n`}
                            value="1"
                            checked={values[`${key}n`] === '1' ? true : undefined}
                          />{' '}
                          <span>{t.html('directory.hours.next_day')}</span>
                          <span class="visually-hidden" safe>
                            {t.t('directory.hours.next_day_for', { day: dayName, period })}
                          </span>
                        </label>
                      ) : (
                        ''
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </DataTable>
        <label class="check">
          <input
            type="checkbox"
            name="closed_on_public_holidays"
            value="1"
            checked={closedOnPublicHolidays ? true : undefined}
          />{' '}
          {t.html('directory.hours.holidays')}
        </label>
      </Form>
      <Section id="exceptions" title={t.t('directory.exceptions.title')}>
        {exceptions.length ? (
          <ul class="plain">
            {exceptions.map((e) => (
              <li>
                <span safe>
                  {e.startsOn === e.endsOn
                    ? t.date(e.startsOn, 'medium')
                    : t.t('directory.exceptions.range', {
                        from: t.date(e.startsOn, 'medium'),
                        to: t.date(e.endsOn, 'medium'),
                      })}
                </span>
                {' · '}
                <span safe>
                  {e.closed
                    ? t.t('directory.exceptions.closed')
                    : t.t('directory.exceptions.open', {
                        opens: e.opensAt?.slice(0, 5) ?? '',
                        closes: e.closesAt?.slice(0, 5) ?? '',
                      })}
                </span>
                {e.note ? (
                  <>
                    {' · '}
                    <span safe>{pickText(e.note, ctx.locale)?.text ?? ''}</span>
                  </>
                ) : (
                  ''
                )}{' '}
                <PostButton
                  ctx={ctx}
                  action={`/${ctx.locale}/manage/services/${serviceId}/exceptions/${e.id}/delete`}
                  label={t.t('directory.members.remove')}
                  ariaLabel={t.t('directory.exceptions.remove_label', { date: t.date(e.startsOn, 'medium') })}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.html('directory.exceptions.none')}</p>
        )}
        <h3>{t.html('directory.exceptions.add')}</h3>
        <Form
          problems={exceptionProblems}
          ctx={ctx}
          action={`/${ctx.locale}/manage/services/${serviceId}/exceptions`}
          submit={t.t('directory.exceptions.add')}
          wide
        >
          <div class="side-by-side">
            {f.text('starts_on', t.t('directory.exceptions.from'), { type: 'date', maxlength: 10 })}
            {f.text('ends_on', t.t('directory.exceptions.to'), {
              type: 'date',
              hint: t.t('directory.exceptions.to_hint'),
              maxlength: 10,
            })}
          </div>
          {f.choices(
            'closed',
            t.t('directory.exceptions.what'),
            [
              { value: '1', label: t.t('directory.exceptions.closed') },
              { value: '0', label: t.t('directory.exceptions.special_hours') },
            ],
            { checked: [f.value('closed') === '0' ? '0' : '1'] },
          )}
          <div class="side-by-side">
            {f.text('opens_at', t.t('directory.exceptions.opens'), { type: 'time', maxlength: 5 })}
            {f.text('closes_at', t.t('directory.exceptions.closes'), { type: 'time', maxlength: 5 })}
          </div>
          <label class="check next-day">
            <input
              type="checkbox"
              name="next_day"
              value="1"
              checked={f.value('next_day') === '1' ? true : undefined}
            />{' '}
            <span>{t.html('directory.hours.next_day')}</span>
          </label>
          {f.inLanguages('note', t.t('directory.exceptions.note'), { maxlength: 200 })}
        </Form>
      </Section>
    </ListingLayout>
  );
}
