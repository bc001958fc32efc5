// Publishing or changing an event: what it is, where, when and how often, for how many and whom,
// in which languages and on which themes; then, for a published event, calling it off with a reason.
// Works without JavaScript and on a small phone: every choice is a plain field.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { type I18nText, textIn } from '../../../../shared/i18n-text.ts';
import { Section, vocabularyOptions } from '../../../../views/components.tsx';
import { formFields, type FormValues } from '../../../../views/form-fields.tsx';
import { ErrorSummary, Form, Notice } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import { ManageLinks } from '../../../../views/manage-nav.tsx';
import { eventKinds, eventPlaceKinds, whoMayRegister } from '../../network.vocabulary.ts';
import { cancelReasonMax } from '../cancel-event.ts';
import { repeatKinds, weekdayCodes } from '../recurrence.ts';

export interface EventFormData {
  organisation: { id: string; name: string };
  places: { id: string; label: string }[];
  communes: { value: string; label: string }[];
  languages: { value: string; label: string }[];
  themes: { value: string; label: string }[];
  /** The event being changed; none for a new one. */
  event?: { id: string; title: I18nText; cancelled: boolean };
}

function weekdayNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

export function EventFormPage({
  ctx,
  data,
  values = {},
  problems = [],
  cancelValues = {},
  cancelProblems,
  done,
}: {
  ctx: PageContext;
  data: EventFormData;
  values?: FormValues;
  problems?: FieldProblem[];
  cancelValues?: FormValues;
  cancelProblems?: FieldProblem[];
  done?: string;
}) {
  const { t } = ctx;
  const f = formFields(ctx, { values, problems });
  const title = data.event
    ? t.t('network.event.form.edit_title', { event: textIn(data.event.title, ctx.locale) })
    : t.t('network.event.form.new_title', { organisation: data.organisation.name });
  const action = data.event
    ? `/${ctx.locale}/manage/events/${data.event.id}`
    : `/${ctx.locale}/manage/organisations/${data.organisation.id}/events`;
  const days = weekdayNames(ctx.locale);
  const c = formFields(ctx, { values: cancelValues, problems: cancelProblems ?? [], prefix: 'cancel' });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <ManageLinks ctx={ctx} organisationId={data.organisation.id} />
      {done ? <Notice text={done} /> : ''}
      <p>
        <a href={`/${ctx.locale}/manage/organisations/${data.organisation.id}/events`}>
          {t.html('network.event.form.back')}
        </a>
        {data.event ? (
          <>
            {' · '}
            <a href={`/${ctx.locale}/events/${data.event.id}`}>{t.html('network.event.form.public_page')}</a>
          </>
        ) : (
          ''
        )}
      </p>
      {data.event?.cancelled ? <Notice tone="warn" text={t.t('network.event.form.is_cancelled')} /> : ''}
      <ErrorSummary ctx={ctx} problems={problems} />
      <Form
        ctx={ctx}
        action={action}
        submit={t.t(data.event ? 'network.event.form.save' : 'network.event.form.publish')}
        wide
      >
        {f.select(
          'kind',
          t.t('network.event.form.kind'),
          vocabularyOptions(ctx, 'network.kind', eventKinds),
          {
            empty: t.t('network.event.form.choose'),
          },
        )}
        {f.inLanguages('title', t.t('network.event.form.title'), {
          maxlength: 200,
          hint: t.t('network.event.form.title_hint'),
        })}
        {f.inLanguages('description', t.t('network.event.form.description'), {
          long: true,
          maxlength: 10_000,
        })}
        <fieldset>
          <legend>{t.html('network.event.form.where')}</legend>
          {f.choices(
            'place_kind',
            t.t('network.event.form.place_kind'),
            vocabularyOptions(ctx, 'network.place', eventPlaceKinds),
          )}
          {f.select(
            'location',
            t.t('network.event.form.location'),
            data.places.map((p) => ({ value: p.id, label: p.label })),
            {
              empty: t.t('network.event.form.choose'),
              hint: data.places.length
                ? t.t('network.event.form.location_hint')
                : t.t('network.event.form.no_places'),
            },
          )}
          <div class="side-by-side">
            {f.text('address', t.t('network.event.form.address'), {
              maxlength: 300,
              hint: t.t('network.event.form.address_hint'),
            })}
            {f.select('commune', t.t('network.event.form.commune'), data.communes, {
              empty: t.t('network.event.form.choose'),
            })}
          </div>
          {f.url('online_url', t.t('network.event.form.online_url'), {
            hint: t.t('network.event.form.online_url_hint'),
          })}
        </fieldset>
        <fieldset>
          <legend>{t.html('network.event.form.when')}</legend>
          <p class="hint">{t.html('network.event.form.when_hint')}</p>
          <div class="side-by-side">
            {f.text('start_date', t.t('network.event.form.start_date'), { type: 'date' })}
            {f.text('start_time', t.t('network.event.form.start_time'), { type: 'time' })}
          </div>
          <div class="side-by-side">
            {f.text('end_date', t.t('network.event.form.end_date'), {
              type: 'date',
              hint: t.t('network.event.form.end_date_hint'),
            })}
            {f.text('end_time', t.t('network.event.form.end_time'), { type: 'time' })}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t.html('network.event.form.repeat_legend')}</legend>
          {f.choices(
            'repeat',
            t.t('network.event.form.repeat'),
            vocabularyOptions(ctx, 'network.event.repeat', repeatKinds),
            {
              checked: [f.value('repeat') || 'none'],
            },
          )}
          {f.choices(
            'days',
            t.t('network.event.form.days'),
            weekdayCodes.map((code, i) => ({ value: code, label: days[i]! })),
            { multiple: true, hint: t.t('network.event.form.days_hint') },
          )}
          {f.choices(
            'ends',
            t.t('network.event.form.ends'),
            vocabularyOptions(ctx, 'network.event.ends', ['until', 'count']),
            {
              checked: [f.value('ends') || 'until'],
            },
          )}
          <div class="side-by-side">
            {f.text('until', t.t('network.event.form.until'), { type: 'date' })}
            {f.text('count', t.t('network.event.form.count'), {
              maxlength: 6,
              hint: t.t('network.event.form.count_hint'),
            })}
          </div>
        </fieldset>
        {f.text('capacity', t.t('network.event.form.capacity'), {
          maxlength: 7,
          hint: t.t('network.event.form.capacity_hint'),
        })}
        {f.choices(
          'who_may_register',
          t.t('network.event.form.who'),
          vocabularyOptions(ctx, 'network.who', whoMayRegister),
          {
            checked: [f.value('who_may_register') || 'everyone'],
          },
        )}
        {f.choices('languages', t.t('network.event.form.languages'), data.languages, { multiple: true })}
        {f.choices('themes', t.t('network.event.form.themes'), data.themes, { multiple: true })}
      </Form>
      {data.event && !data.event.cancelled ? (
        <Section id="cancel" title={t.t('network.event.cancel.title')}>
          <p>{t.html('network.event.cancel.lead')}</p>
          <Form
            ctx={ctx}
            action={`/${ctx.locale}/manage/events/${data.event.id}/cancel`}
            submit={t.t('network.event.cancel.submit')}
            danger
            problems={cancelProblems?.map((p) => ({ ...p, field: `cancel-${p.field}` }))}
          >
            {c.text('reason', t.t('network.event.cancel.reason'), { maxlength: cancelReasonMax })}
          </Form>
        </Section>
      ) : (
        ''
      )}
    </Layout>
  );
}
