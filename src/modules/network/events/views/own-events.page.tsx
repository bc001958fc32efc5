// An organisation's events for its editors: publish a new one, and each event with its next date,
// its status and links to change it and to see its public page.
import type { PageContext } from '../../../../http/request-context.ts';
import { textIn } from '../../../../shared/i18n-text.ts';
import { label, Section } from '../../../../views/components.tsx';
import { Notice } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import { ManageLinks } from '../../../../views/manage-nav.tsx';
import type { OwnEventView } from '../page-data.ts';
import { dayOf, timeOf } from '../when.ts';

export function OwnEventsPage({
  ctx,
  organisation,
  events,
  feedUrl,
  done,
}: {
  ctx: PageContext;
  organisation: { id: string; name: string };
  events: OwnEventView[];
  feedUrl: string;
  done?: string;
}) {
  const { t } = ctx;
  const title = t.t('network.event.own.title', { organisation: organisation.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <ManageLinks ctx={ctx} organisationId={organisation.id} />
      {done ? <Notice text={done} /> : ''}
      <p>{t.html('network.event.own.lead')}</p>
      <p>
        <a class="button" href={`/${ctx.locale}/manage/organisations/${organisation.id}/events/new`}>
          {t.html('network.event.own.publish')}
        </a>
      </p>
      <Section id="events" title={t.t('network.event.own.list')}>
        {events.length ? (
          <ul class="cards">
            {events.map((e) => (
              <li class="card">
                <h3 safe>{textIn(e.title, ctx.locale)}</h3>
                <p class="summary" safe>
                  {[
                    label(ctx, 'network.kind', e.kind),
                    e.status === 'cancelled' ? t.t('network.event.cancelled') : '',
                    e.next
                      ? t.t('network.event.own.next', {
                          when: `${dayOf(ctx, e.next)}, ${timeOf(ctx, e.next)}`,
                        })
                      : t.t('network.event.own.past'),
                    t.t('network.event.own.dates', { count: e.dates }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <p>
                  <a href={`/${ctx.locale}/manage/events/${e.id}`}>{t.html('network.event.own.edit')}</a>
                  {' · '}
                  <a href={`/${ctx.locale}/events/${e.id}`}>{t.html('network.event.own.view')}</a>
                  {' · '}
                  <a href={`/${ctx.locale}/manage/events/${e.id}/registrations`}>
                    {t.html('network.event.own.registrations')}
                  </a>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t.html('network.event.own.none')}</p>
        )}
      </Section>
      <Section id="feed" title={t.t('network.event.own.feed')}>
        <p>{t.html('network.event.own.feed_hint')}</p>
        <p class="feed-address">
          <a href={feedUrl} safe>
            {feedUrl}
          </a>
        </p>
      </Section>
    </Layout>
  );
}
