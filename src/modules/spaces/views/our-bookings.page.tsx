// An organisation's bookings of other organisations' rooms, for any of its members: what it asked
// for, confirmed or declined (with the owners' reason), each to cancel; and several dates of one
// room to cancel at once (a summer break in a weekly series).
import type { PageContext } from '../../../http/request-context.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { Section } from '../../../views/components.tsx';
import { label } from '../../../views/components.tsx';
import { Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { ManageLinks } from '../../../views/manage-nav.tsx';
import type { BookingView } from '../presenters/page-data.ts';
import { spanOf } from '../presenters/when.ts';
import { type CancelRangeState, CancelRangeForm } from './cancel-range.tsx';

/** One of the organisation's own bookings of another organisation's room: its state, and cancel. */
function Asked({ ctx, booking }: { ctx: PageContext; booking: BookingView }) {
  const { t } = ctx;
  const when = spanOf(ctx, booking);
  return (
    <li class="card">
      <h3>
        <a href={`/${ctx.locale}/rooms/${booking.roomId}`} safe>
          {pickText(booking.roomName, ctx.locale)?.text ?? ''}
        </a>
      </h3>
      <p class="summary" safe>
        {`${when} · ${label(ctx, 'spaces.status', booking.status)}`}
      </p>
      {booking.reason ? <p safe>{t.t('spaces.own.their_reason', { reason: booking.reason })}</p> : ''}
      {booking.status === 'requested' || booking.status === 'confirmed' ? (
        <p>
          <a href={`/${ctx.locale}/bookings/${booking.id}/calendar.ics`}>
            {t.html('spaces.calendar.booking_file')}
          </a>
        </p>
      ) : (
        ''
      )}
      {booking.status === 'requested' || booking.status === 'confirmed' ? (
        <PostButton
          ctx={ctx}
          action={`/${ctx.locale}/manage/bookings/${booking.id}/cancel`}
          label={t.t('spaces.own.cancel')}
          ariaLabel={t.t('spaces.own.cancel_label', { when })}
        />
      ) : (
        ''
      )}
    </li>
  );
}

export function OurBookingsPage({
  ctx,
  organisation,
  canEdit,
  asked,
  range,
  done,
}: {
  ctx: PageContext;
  organisation: { id: string; name: string };
  /** Whether the reader edits the organisation's listing (and sees those tabs). */
  canEdit: boolean;
  /** The organisation's bookings of other organisations' rooms, still to come. */
  asked: BookingView[];
  range?: CancelRangeState;
  done?: string;
}) {
  const { t } = ctx;
  const title = t.t('spaces.ours.title', { organisation: organisation.name });
  const active = asked.filter((b) => b.status === 'requested' || b.status === 'confirmed');
  const rooms = [...new Map(active.map((b) => [b.roomId, { id: b.roomId, name: b.roomName }])).values()];
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <ManageLinks ctx={ctx} organisationId={organisation.id} canEdit={canEdit} />
      {done ? <Notice text={done} /> : ''}
      <p>{t.html('spaces.ours.lead')}</p>
      <p>
        <a href={`/${ctx.locale}/rooms`}>{t.html('spaces.ours.find')}</a>
      </p>
      <Section id="asked" title={t.t('spaces.own.asked')}>
        {asked.length ? (
          <ul class="cards">
            {asked.map((b) => (
              <Asked ctx={ctx} booking={b} />
            ))}
          </ul>
        ) : (
          <p class="empty">{t.html('spaces.own.no_asked')}</p>
        )}
      </Section>
      <CancelRangeForm ctx={ctx} organisationId={organisation.id} rooms={rooms} side="asker" state={range} />
    </Layout>
  );
}
