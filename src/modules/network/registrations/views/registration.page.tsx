// The person's page at their link: what their registration is (waiting for confirmation, a place,
// the waiting list, cancelled, or called off by the organisers), the date and place, the link to
// join online only with a place, the calendar file, and buttons to confirm or cancel (posted: mail
// scanners only open links).
import type { PageContext } from '../../../../http/request-context.ts';
import { pickText } from '../../../../shared/i18n-text.ts';
import { label } from '../../../../views/components.tsx';
import { Notice, PostButton } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import type { RegistrationPageData } from '../page-data.ts';
import { DateSummary } from './date-summary.tsx';

export function RegistrationPage({
  ctx,
  data,
  done,
}: {
  ctx: PageContext;
  data: RegistrationPageData;
  done?: string;
}) {
  const { t } = ctx;
  const { event, status, place } = data;
  const calledOff = data.calledOff && status !== 'cancelled';
  const title = pickText(event.title, ctx.locale)?.text ?? '';
  const link = `/${ctx.locale}/registrations/${data.token}`;
  const heading = t.t('network.registration.yours', { event: title });
  return (
    <Layout ctx={ctx} title={heading}>
      <h1 safe>{heading}</h1>
      {done ? <Notice text={done} /> : ''}
      <p class="status" safe>
        {t.t('network.registration.status_line', {
          name: data.name,
          status: label(ctx, 'network.registration.status', status),
        })}
      </p>
      <p safe>{label(ctx, 'network.registration.explain', calledOff ? 'called_off' : status)}</p>
      <DateSummary ctx={ctx} date={data.date} capacity={event.capacity} />
      {place.address ? <p safe>{t.t('network.registration.address', { address: place.address })}</p> : ''}
      {place.onlineUrl && status === 'confirmed' && !calledOff ? (
        <p>
          <span safe>{t.t('network.registration.online')}</span>{' '}
          <a href={place.onlineUrl} rel="noopener noreferrer" safe>
            {place.onlineUrl}
          </a>
        </p>
      ) : (
        ''
      )}
      <p>
        <a href={`/${ctx.locale}/events/${event.id}`} safe>
          {t.t('network.registration.event_page')}
        </a>
      </p>
      {!calledOff && (status === 'confirmed' || status === 'waitlisted') ? (
        <p>
          <a href={`${link}.ics`} safe>
            {t.t('network.registration.calendar_file')}
          </a>
        </p>
      ) : (
        ''
      )}
      {data.past || calledOff || status === 'cancelled' ? (
        ''
      ) : (
        <div class="form-actions">
          {status === 'unconfirmed' ? (
            <PostButton
              ctx={ctx}
              action={`${link}/confirm`}
              label={t.t('network.registration.confirm')}
              secondary={false}
            />
          ) : (
            ''
          )}
          <PostButton ctx={ctx} action={`${link}/cancel`} label={t.t('network.registration.cancel')} />
        </div>
      )}
    </Layout>
  );
}
