// An organisation's rooms for its editors: each room with its links, then the requests to decide
// (approve, or decline with a reason) and the confirmed bookings to come (cancel if need be).
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { label, Section } from '../../../views/components.tsx';
import { formFields } from '../../../views/form-fields.tsx';
import { Form, Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { ManageLinks } from '../../../views/manage-nav.tsx';
import type { BookingView, RoomView } from '../presenters/page-data.ts';
import { spanOf } from '../presenters/when.ts';
import { type CancelRangeState, CancelRangeForm } from './cancel-range.tsx';
import { reasonPrefix } from './slots.ts';

function Request({
  ctx,
  booking,
  problems,
}: {
  ctx: PageContext;
  booking: BookingView;
  problems: FieldProblem[];
}) {
  const { t } = ctx;
  const name = (text: BookingView['roomName']) => pickText(text, ctx.locale)?.text ?? '';
  const base = `/${ctx.locale}/manage/bookings/${booking.id}`;
  const prefix = reasonPrefix(booking.id);
  const f = formFields(ctx, { problems, prefix });
  return (
    <li class="card">
      <h3 safe>{spanOf(ctx, booking)}</h3>
      <p class="summary" safe>
        {label(ctx, 'spaces.status', booking.status)}
      </p>
      <p>
        <a href={`/${ctx.locale}/bookings/${booking.id}/calendar.ics`}>
          {t.html('spaces.calendar.booking_file')}
        </a>
      </p>
      <dl class="facts">
        <dt>{t.html('spaces.own.room')}</dt>
        <dd safe>{name(booking.roomName)}</dd>
        <dt>{t.html('spaces.own.asked_by')}</dt>
        <dd safe>{name(booking.organisationName)}</dd>
        <dt>{t.html('spaces.own.people')}</dt>
        <dd safe>{String(booking.attendees)}</dd>
        {booking.purpose ? (
          <>
            <dt>{t.html('spaces.own.purpose')}</dt>
            <dd safe>{booking.purpose}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {booking.status === 'requested' ? (
        <div class="booking-actions">
          <PostButton
            ctx={ctx}
            action={`${base}/approve`}
            label={t.t('spaces.own.approve')}
            secondary={false}
            ariaLabel={t.t('spaces.own.approve_label', { when: spanOf(ctx, booking) })}
          />
          {booking.seriesWaiting ? (
            <PostButton
              ctx={ctx}
              action={`${base}/approve-series`}
              label={t.t('spaces.own.approve_series', { count: booking.seriesWaiting })}
            />
          ) : (
            ''
          )}
          <Form
            ctx={ctx}
            action={`${base}/decline`}
            submit={t.t('spaces.own.decline')}
            problems={problems.map((p) => ({ ...p, field: `${prefix}-${p.field}` }))}
          >
            {f.text('reason', t.t('spaces.own.reason'), { maxlength: 500 })}
          </Form>
        </div>
      ) : (
        <PostButton
          ctx={ctx}
          action={`${base}/cancel`}
          label={t.t('spaces.own.cancel')}
          ariaLabel={t.t('spaces.own.cancel_label', { when: spanOf(ctx, booking) })}
        />
      )}
    </li>
  );
}

export function OwnRoomsPage({
  ctx,
  organisation,
  rooms,
  requests,
  refused,
  range,
  done,
  feedUrl,
}: {
  ctx: PageContext;
  /** The address of the organisation's calendar feed. */
  feedUrl: string;
  organisation: { id: string; name: string };
  rooms: RoomView[];
  requests: BookingView[];
  /** A refused decision: the booking and why. */
  refused?: { bookingId: string; problems: FieldProblem[] };
  /** The form to cancel the bookings of a room between two dates, as posted. */
  range?: CancelRangeState;
  done?: string;
}) {
  const { t } = ctx;
  const title = t.t('spaces.own.title', { organisation: organisation.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <ManageLinks ctx={ctx} organisationId={organisation.id} />
      {done ? <Notice text={done} /> : ''}
      <p>{t.html('spaces.own.lead')}</p>
      <p>
        <a class="button" href={`/${ctx.locale}/manage/organisations/${organisation.id}/rooms/new`}>
          {t.html('spaces.own.publish')}
        </a>
      </p>
      <Section id="rooms" title={t.t('spaces.own.rooms')}>
        {rooms.length ? (
          <ul class="cards">
            {rooms.map((r) => (
              <li class="card">
                <h3 safe>{pickText(r.name, ctx.locale)?.text ?? ''}</h3>
                <p class="summary" safe>
                  {t.t('spaces.room.capacity', { count: r.capacity })}
                </p>
                <p>
                  <a href={`/${ctx.locale}/manage/rooms/${r.id}`}>{t.html('spaces.own.edit')}</a>
                  {' · '}
                  <a href={`/${ctx.locale}/rooms/${r.id}`}>{t.html('spaces.own.view')}</a>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t.html('spaces.own.no_rooms')}</p>
        )}
      </Section>
      <Section id="requests" title={t.t('spaces.own.requests')}>
        {requests.length ? (
          <ul class="cards">
            {requests.map((b) => (
              <Request ctx={ctx} booking={b} problems={refused?.bookingId === b.id ? refused.problems : []} />
            ))}
          </ul>
        ) : (
          <p class="empty">{t.html('spaces.own.no_requests')}</p>
        )}
      </Section>
      <CancelRangeForm ctx={ctx} organisationId={organisation.id} rooms={rooms} side="owner" state={range} />
      <Section id="calendar" title={t.t('spaces.calendar.org_feed')}>
        <p>{t.html('spaces.calendar.org_feed_hint')}</p>
        <p class="feed-address">
          <a href={feedUrl} safe>
            {feedUrl}
          </a>
        </p>
        <p class="hint">{t.html('spaces.calendar.renew_hint')}</p>
        <PostButton
          ctx={ctx}
          action={`/${ctx.locale}/manage/organisations/${organisation.id}/rooms/calendar/renew`}
          label={t.t('spaces.calendar.renew')}
        />
      </Section>
    </Layout>
  );
}
