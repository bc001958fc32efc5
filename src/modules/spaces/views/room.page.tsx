// A room's public page: what it is (with its photos) and on what terms, its week of free and taken time, and (for a
// member of an organisation) the form to ask for a slot. Works without JavaScript, on a small phone.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { label, Section } from '../../../views/components.tsx';
import { formFields, type FormValues } from '../../../views/form-fields.tsx';
import { Form, Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { RoomPageData, RoomView } from '../presenters/page-data.ts';
import { addressText, priceText } from '../presenters/room-words.ts';
import { dayOf, timeOf } from '../presenters/when.ts';
import { PhotoGallery } from './room-photos.tsx';
import { WeeklyPlan, type WeeklyPlanView } from './weekly-plan.tsx';

function Facts({ ctx, room }: { ctx: PageContext; room: RoomView }) {
  const { t } = ctx;
  const text = (value: I18nText | null | undefined) => pickText(value, ctx.locale)?.text ?? '';
  const list = (prefix: string, codes: string[]) => codes.map((c) => label(ctx, prefix, c)).join(', ');
  const price = priceText(t, room.hourlyPriceCents);
  const place = room.place;
  return (
    <dl class="facts">
      <dt>{t.html('spaces.room.organisation')}</dt>
      <dd>
        <a href={`/${ctx.locale}/organisations/${room.organisationId}`} safe>
          {text(room.organisationName)}
        </a>
      </dd>
      {place ? (
        <>
          <dt>{t.html('spaces.room.place')}</dt>
          <dd safe>{[text(place.name), addressText(place)].filter(Boolean).join(', ')}</dd>
        </>
      ) : (
        ''
      )}
      <dt>{t.html('spaces.room.size')}</dt>
      <dd safe>
        {[
          t.t('spaces.room.capacity', { count: room.capacity }),
          room.floorArea ? t.t('spaces.room.area', { area: room.floorArea }) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </dd>
      <dt>{t.html('spaces.room.cost')}</dt>
      <dd safe>{price}</dd>
      {room.accessibility.length ? (
        <>
          <dt>{t.html('spaces.form.accessibility')}</dt>
          <dd safe>{list('spaces.access', room.accessibility)}</dd>
        </>
      ) : (
        ''
      )}
      {room.equipment.length ? (
        <>
          <dt>{t.html('spaces.form.equipment')}</dt>
          <dd safe>{list('spaces.equipment', room.equipment)}</dd>
        </>
      ) : (
        ''
      )}
      {room.conditions.length || text(room.conditionsNote) ? (
        <>
          <dt>{t.html('spaces.form.conditions')}</dt>
          <dd safe>
            {[list('spaces.condition', room.conditions), text(room.conditionsNote)]
              .filter(Boolean)
              .join('. ')}
          </dd>
        </>
      ) : (
        ''
      )}
      <dt>{t.html('spaces.form.who')}</dt>
      <dd safe>{label(ctx, 'spaces.who', room.whoMayAsk)}</dd>
      <dt>{t.html('spaces.room.terms')}</dt>
      <dd safe>
        {[
          t.t('spaces.room.lengths', { min: room.minMinutes, max: room.maxMinutes }),
          t.t('spaces.room.notice', { hours: room.noticeHours }),
          room.monthlyQuotaHours ? t.t('spaces.room.quota', { hours: room.monthlyQuotaHours }) : '',
          label(ctx, 'spaces.confirmation', room.confirmation),
        ]
          .filter(Boolean)
          .join(' · ')}
      </dd>
      {room.contact.name || room.contact.email || room.contact.phone ? (
        <>
          <dt>{t.html('spaces.form.contact')}</dt>
          <dd safe>
            {[room.contact.name, room.contact.email, room.contact.phone].filter(Boolean).join(' · ')}
          </dd>
        </>
      ) : (
        ''
      )}
    </dl>
  );
}

function Week({ ctx, data }: { ctx: PageContext; data: RoomPageData }) {
  const { t } = ctx;
  const { week, room } = data;
  const link = (monday: string) => `/${ctx.locale}/rooms/${room.id}?week=${monday}#week`;
  return (
    <Section
      id="week"
      title={t.t('spaces.room.week', {
        monday: new Intl.DateTimeFormat(ctx.locale, {
          dateStyle: 'long',
          timeZone: 'Europe/Brussels',
        }).format(week.days[0]!.noon),
      })}
    >
      <p class="week-nav">
        <a href={link(week.previous)}>{t.html('spaces.room.previous_week')}</a>
        {' · '}
        <a href={link(week.next)}>{t.html('spaces.room.next_week')}</a>
        {' · '}
        <a href={`/rooms/${room.id}/calendar.ics?lang=${ctx.locale}`}>
          {t.html('spaces.calendar.room_feed')}
        </a>
      </p>
      <ul class="room-week">
        {week.days.map((day) => (
          <li>
            <h3 safe>{dayOf(ctx, day.noon)}</h3>
            {day.slots.length ? (
              <ul class="slots">
                {day.slots.map((s) => (
                  <li class={`slot ${s.state}`}>
                    <span safe>{`${timeOf(ctx, s.start)}–${timeOf(ctx, s.end)}`}</span>{' '}
                    <strong safe>{label(ctx, 'spaces.slot', s.state)}</strong>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">{t.html('spaces.room.closed_day')}</p>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function RoomPage({
  ctx,
  data,
  values = {},
  problems = [],
  message,
  done,
  plan,
}: {
  ctx: PageContext;
  data: RoomPageData;
  values?: FormValues;
  problems?: FieldProblem[];
  /** A refusal that is not about one field ("taken"). */
  message?: string;
  done?: string;
  /** The dates of a weekly request, to confirm. */
  plan?: WeeklyPlanView;
}) {
  const { t } = ctx;
  const { room } = data;
  const title = pickText(room.name, ctx.locale)?.text ?? '';
  const description = pickText(room.description, ctx.locale)?.text;
  const f = formFields(ctx, { values, problems });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {done ? <Notice text={done} /> : ''}
      {message ? <Notice text={message} tone="warn" /> : ''}
      {room.isDemo ? <p class="demo-label">{t.html('spaces.room.demo')}</p> : ''}
      {description ? (
        <p class="lead" safe>
          {description}
        </p>
      ) : (
        ''
      )}
      {plan ? <WeeklyPlan ctx={ctx} roomId={room.id} plan={plan} values={values} /> : ''}
      <PhotoGallery ctx={ctx} photos={room.photos} />
      <Facts ctx={ctx} room={room} />
      <Week ctx={ctx} data={data} />
      <Section id="ask" title={t.t('spaces.ask.title')}>
        {!ctx.user ? (
          <p>
            <a href={`/${ctx.locale}/login?next=${encodeURIComponent(`/${ctx.locale}/rooms/${room.id}`)}`}>
              {t.html('spaces.ask.login')}
            </a>
          </p>
        ) : !data.organisations.length ? (
          <p>{t.html('spaces.ask.no_organisation')}</p>
        ) : (
          <Form
            ctx={ctx}
            action={`/${ctx.locale}/rooms/${room.id}/bookings`}
            submit={t.t('spaces.ask.submit')}
            problems={problems}
          >
            {data.organisations.length === 1 ? (
              <>
                <input type="hidden" name="organisation" value={data.organisations[0]!.id} />
                <p safe>
                  {t.t('spaces.ask.for', {
                    organisation: pickText(data.organisations[0]!.name, ctx.locale)?.text ?? '',
                  })}
                </p>
              </>
            ) : (
              f.select(
                'organisation',
                t.t('spaces.ask.organisation'),
                data.organisations.map((o) => ({
                  value: o.id,
                  label: pickText(o.name, ctx.locale)?.text ?? '',
                })),
                { empty: t.t('spaces.form.choose') },
              )
            )}
            {f.text('date', t.t('spaces.ask.date'), { type: 'date' })}
            <div class="side-by-side">
              {f.text('start', t.t('spaces.ask.start'), { type: 'time' })}
              {f.text('end', t.t('spaces.ask.end'), { type: 'time' })}
            </div>
            {f.choices(
              'repeat',
              t.t('spaces.ask.repeat'),
              [
                { value: 'once', label: t.t('spaces.ask.repeat_once') },
                { value: 'weekly', label: t.t('spaces.ask.repeat_weekly') },
              ],
              { checked: [f.value('repeat') === 'weekly' ? 'weekly' : 'once'] },
            )}
            {f.text('until', t.t('spaces.ask.until'), { type: 'date', hint: t.t('spaces.ask.until_hint') })}
            {f.text('attendees', t.t('spaces.ask.attendees'), {
              maxlength: 7,
              hint: t.t('spaces.room.capacity', { count: room.capacity }),
            })}
            {f.area('purpose', t.t('spaces.ask.purpose'), { maxlength: 500, rows: 3 })}
          </Form>
        )}
      </Section>
    </Layout>
  );
}
