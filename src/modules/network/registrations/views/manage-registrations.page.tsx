// The organisers' list of an event's registrations, date by date: who has a place, the waiting list
// in its order, how many have not confirmed their address yet; with the list as CSV. Never public.
import type { PageContext } from '../../../../http/request-context.ts';
import { pickText } from '../../../../shared/i18n-text.ts';
import { DataTable, label, Section } from '../../../../views/components.tsx';
import { Layout } from '../../../../views/layout.tsx';
import type { RegistrationListData } from '../page-data.ts';
import { whenText } from '../registration-words.ts';

export function ManageRegistrationsPage({ ctx, data }: { ctx: PageContext; data: RegistrationListData }) {
  const { t } = ctx;
  const title = pickText(data.event.title, ctx.locale)?.text ?? '';
  const heading = t.t('network.registration.manage.title', { event: title });
  const base = `/${ctx.locale}/manage/events/${data.event.id}/registrations`;
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href={`/${ctx.locale}/events/${data.event.id}`} safe>
          {title}
        </a>
      </p>
      <h1 safe>{heading}</h1>
      <p>
        <a href={`${base}.csv`} download="" safe>
          {t.t('network.registration.manage.csv_all')}
        </a>
      </p>
      {data.dates.length ? '' : <p safe>{t.t('network.registration.manage.no_dates')}</p>}
      {data.dates.map((date) => {
        const when = whenText(ctx.locale, date);
        const confirmed = date.people.filter((p) => p.status === 'confirmed');
        const waiting = date.people.filter((p) => p.status === 'waitlisted');
        return (
          <Section id={`date-${date.id}`} title={when}>
            <p safe>
              {t.t('network.registration.manage.counts', {
                confirmed: confirmed.length,
                capacity: data.event.capacity ?? -1,
                waitlisted: waiting.length,
                unconfirmed: date.unconfirmed,
              })}
            </p>
            <p>
              <a
                href={`${base}.csv?date=${date.id}`}
                download=""
                aria-label={t.t('network.registration.manage.csv_date_label', { when })}
                safe
              >
                {t.t('network.registration.manage.csv_date')}
              </a>
            </p>
            {date.people.length ? (
              <DataTable
                caption={t.t('network.registration.manage.caption', { when })}
                columns={[
                  t.t('network.registration.csv.position'),
                  t.t('network.registration.csv.name'),
                  t.t('network.registration.csv.email'),
                  t.t('network.registration.csv.status'),
                ]}
              >
                {[...confirmed, ...waiting].map((p, i) => (
                  <tr>
                    <td safe>{String(p.status === 'confirmed' ? i + 1 : i - confirmed.length + 1)}</td>
                    <td safe>{p.name}</td>
                    <td safe>{p.email}</td>
                    <td safe>{label(ctx, 'network.registration.status', p.status)}</td>
                  </tr>
                ))}
              </DataTable>
            ) : (
              <p safe>{t.t('network.registration.manage.nobody')}</p>
            )}
          </Section>
        );
      })}
    </Layout>
  );
}
