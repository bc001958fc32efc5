// Publishing or changing a room: what it is, where, for whom, on what terms, and its weekly hours
// (two windows a day), then its photos and the dates it is closed. Works without JavaScript, on a small phone.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { DataTable, Section, vocabularyOptions } from '../../../views/components.tsx';
import { formFields, type FormValues } from '../../../views/form-fields.tsx';
import { ErrorSummary, FieldError, Form, Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { RemoveRoom } from './remove-room.tsx';
import { ManageLinks } from '../../../views/manage-nav.tsx';
import type { ClosureView, RoomPhotoView } from '../presenters/page-data.ts';
import { PhotosSection } from './room-photos.tsx';
import {
  accessibilityFeatures,
  confirmationModes,
  equipmentItems,
  roomConditions,
  whoMayAsk,
} from '../spaces.vocabulary.ts';

export function weekdayNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

function WeekTable({
  ctx,
  values,
  problems,
}: {
  ctx: PageContext;
  values: FormValues;
  problems: FieldProblem[];
}) {
  const { t } = ctx;
  const value = (name: string) => {
    const v = values[name];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  return (
    <DataTable
      class="hours-form"
      caption={t.t('spaces.form.hours')}
      columns={[t.t('spaces.form.day'), t.t('spaces.form.first'), t.t('spaces.form.second')]}
    >
      {weekdayNames(ctx.locale).map((dayName, i) => (
        <tr>
          <th scope="row" safe>
            {dayName}
          </th>
          {[1, 2].map((w) => {
            const key = `d${i + 1}w${w}`;
            const problem = problems.find((p) => p.field === key);
            return (
              <td>
                <FieldError ctx={ctx} id={`f-${key}`} problem={problem} />
                {(['o', 'c'] as const).map((end) => (
                  <>
                    <label for={`f-${key}${end}`} class="visually-hidden" safe>
                      {t.t(end === 'o' ? 'spaces.form.opens' : 'spaces.form.closes', {
                        day: dayName,
                        window: w,
                      })}
                    </label>
                    <input
                      type="time"
                      id={`f-${key}${end}`}
                      name={`${key}${end}`}
                      value={value(`${key}${end}`)}
                      aria-invalid={problem ? 'true' : undefined}
                      aria-describedby={problem && end === 'o' ? `f-${key}-error` : undefined}
                    />
                  </>
                ))}
              </td>
            );
          })}
        </tr>
      ))}
    </DataTable>
  );
}

export interface RoomFormData {
  organisation: { id: string; name: string };
  places: { id: string; label: string }[];
  /** The room being changed; none for a new one. */
  room?: { id: string; name: I18nText };
  closures: ClosureView[];
  /** The room's photos in their order. */
  photos: RoomPhotoView[];
}

export function RoomFormPage({
  ctx,
  data,
  values = {},
  problems = [],
  closureValues = {},
  closureProblems = [],
  removeValues,
  removeProblems,
  photoValues = {},
  photoProblems = [],
  done,
}: {
  ctx: PageContext;
  data: RoomFormData;
  values?: FormValues;
  problems?: FieldProblem[];
  closureValues?: FormValues;
  closureProblems?: FieldProblem[];
  /** The form to remove the room, as posted and refused. */
  removeValues?: FormValues;
  removeProblems?: FieldProblem[];
  photoValues?: FormValues;
  photoProblems?: FieldProblem[];
  done?: string;
}) {
  const { t } = ctx;
  const f = formFields(ctx, { values, problems });
  const title = data.room
    ? t.t('spaces.form.edit_title', { room: pickText(data.room.name, ctx.locale)?.text ?? '' })
    : t.t('spaces.form.new_title', { organisation: data.organisation.name });
  const action = data.room
    ? `/${ctx.locale}/manage/rooms/${data.room.id}`
    : `/${ctx.locale}/manage/organisations/${data.organisation.id}/rooms`;
  // The week's problems are shown in the table; the summary links to each window's opening time.
  const summary = problems.map((p) => (/^d\dw\d$/.test(p.field) ? { ...p, field: `${p.field}o` } : p));
  const c = formFields(ctx, { values: closureValues, problems: closureProblems, prefix: 'closure' });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <ManageLinks ctx={ctx} organisationId={data.organisation.id} />
      {done ? <Notice text={done} /> : ''}
      {data.room ? (
        <p>
          <a href={`/${ctx.locale}/rooms/${data.room.id}`}>{t.html('spaces.form.public_page')}</a>
        </p>
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} problems={summary} />
      <Form
        ctx={ctx}
        action={action}
        submit={t.t(data.room ? 'spaces.form.save' : 'spaces.form.publish')}
        wide
      >
        {f.inLanguages('name', t.t('spaces.form.name'), { maxlength: 200 })}
        {f.select(
          'location',
          t.t('spaces.form.place'),
          data.places.map((p) => ({ value: p.id, label: p.label })),
          {
            empty: t.t('spaces.form.choose'),
            hint: data.places.length ? undefined : t.t('spaces.form.no_places'),
          },
        )}
        {f.text('capacity', t.t('spaces.form.capacity'), {
          maxlength: 7,
          hint: t.t('spaces.form.capacity_hint'),
        })}
        {f.text('floor_area', t.t('spaces.form.floor_area'), { maxlength: 7 })}
        {f.inLanguages('description', t.t('spaces.form.description'), { long: true, maxlength: 2000 })}
        {f.choices(
          'accessibility',
          t.t('spaces.form.accessibility'),
          vocabularyOptions(ctx, 'spaces.access', accessibilityFeatures),
          { multiple: true },
        )}
        {f.choices(
          'equipment',
          t.t('spaces.form.equipment'),
          vocabularyOptions(ctx, 'spaces.equipment', equipmentItems),
          { multiple: true },
        )}
        {f.text('hourly_price', t.t('spaces.form.price'), {
          maxlength: 10,
          hint: t.t('spaces.form.price_hint'),
        })}
        {f.choices(
          'conditions',
          t.t('spaces.form.conditions'),
          vocabularyOptions(ctx, 'spaces.condition', roomConditions),
          { multiple: true },
        )}
        {f.inLanguages('conditions_note', t.t('spaces.form.conditions_note'), {
          long: true,
          maxlength: 1000,
        })}
        {f.choices('who_may_ask', t.t('spaces.form.who'), vocabularyOptions(ctx, 'spaces.who', whoMayAsk))}
        {f.text('monthly_quota_hours', t.t('spaces.form.quota'), {
          maxlength: 4,
          hint: t.t('spaces.form.quota_hint'),
        })}
        {f.choices(
          'confirmation',
          t.t('spaces.form.confirmation'),
          vocabularyOptions(ctx, 'spaces.confirmation', confirmationModes),
        )}
        <div class="side-by-side">
          {f.text('min_minutes', t.t('spaces.form.min_minutes'), { maxlength: 5 })}
          {f.text('max_minutes', t.t('spaces.form.max_minutes'), { maxlength: 5 })}
          {f.text('notice_hours', t.t('spaces.form.notice_hours'), { maxlength: 5 })}
        </div>
        <fieldset>
          <legend>{t.html('spaces.form.contact')}</legend>
          {f.text('contact_name', t.t('spaces.form.contact_name'), { maxlength: 100 })}
          {f.email(t.t('spaces.form.contact_email'), {}, 'contact_email')}
          {f.text('contact_phone', t.t('spaces.form.contact_phone'), { type: 'tel', maxlength: 30 })}
        </fieldset>
        <fieldset>
          <legend>{t.html('spaces.form.hours')}</legend>
          <p class="hint">{t.html('spaces.form.hours_hint')}</p>
          <WeekTable ctx={ctx} values={values} problems={problems} />
        </fieldset>
      </Form>
      {data.room ? (
        <PhotosSection
          ctx={ctx}
          roomId={data.room.id}
          photos={data.photos}
          values={photoValues}
          problems={photoProblems}
        />
      ) : (
        ''
      )}
      {data.room ? (
        <Section id="closures" title={t.t('spaces.form.closures')}>
          {data.closures.length ? (
            <ul class="closures">
              {data.closures.map((cl) => (
                <li>
                  <span safe>
                    {cl.from === cl.to
                      ? cl.from
                      : t.t('spaces.form.closure_span', { from: cl.from, to: cl.to })}
                  </span>{' '}
                  <span safe>{pickText(cl.note, ctx.locale)?.text ?? ''}</span>{' '}
                  <PostButton
                    ctx={ctx}
                    action={`/${ctx.locale}/manage/rooms/${data.room!.id}/closures/${cl.id}/delete`}
                    label={t.t('spaces.form.reopen')}
                    ariaLabel={t.t('spaces.form.reopen_label', { date: cl.from })}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t.html('spaces.form.no_closures')}</p>
          )}
          <Form
            ctx={ctx}
            action={`/${ctx.locale}/manage/rooms/${data.room.id}/closures`}
            submit={t.t('spaces.form.close')}
            problems={closureProblems.map((p) => ({ ...p, field: `closure-${p.field}` }))}
          >
            <div class="side-by-side">
              {c.text('closed_from', t.t('spaces.form.closed_from'), { type: 'date' })}
              {c.text('closed_to', t.t('spaces.form.closed_to'), {
                type: 'date',
                hint: t.t('spaces.form.closed_to_hint'),
              })}
            </div>
            {c.text(`note.${ctx.locale}`, t.t('spaces.form.closure_note'), { maxlength: 200 })}
          </Form>
        </Section>
      ) : (
        ''
      )}
      {data.room ? (
        <RemoveRoom ctx={ctx} roomId={data.room.id} values={removeValues} problems={removeProblems} />
      ) : (
        ''
      )}
    </Layout>
  );
}
