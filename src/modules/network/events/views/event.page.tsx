// An event's public page: its title and text in the reader's language (or another, said so), what
// kind it is, who organises it, where (never the online link: registered people get it), its dates to
// come with the places left and a link to register for each open date, its languages and themes; and
// schema.org Event JSON-LD. A cancelled event says so, with its reason, and offers no registration.
import type { PageContext } from '../../../../http/request-context.ts';
import { textIn } from '../../../../shared/i18n-text.ts';
import {
  Breadcrumb,
  jsonLd,
  label,
  Localized,
  OrganisationLink,
  Section,
} from '../../../../views/components.tsx';
import { Notice } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import { eventJsonLd } from '../event-json-ld.ts';
import type { EventDateView, EventPageData } from '../page-data.ts';
import { placeText } from '../place-words.ts';
import { spanOf } from '../when.ts';

export function placesLeftText(ctx: PageContext, d: Pick<EventDateView, 'placesLeft'>): string {
  if (d.placesLeft === null) return ctx.t.t('network.event.no_limit');
  if (d.placesLeft > 0) return ctx.t.t('network.event.places_left', { count: d.placesLeft });
  return ctx.t.t('network.event.full');
}

export function EventPage({ ctx, data, done }: { ctx: PageContext; data: EventPageData; done?: string }) {
  const { t } = ctx;
  const { event, dates } = data;
  const title = textIn(event.title, ctx.locale);
  const url = `${ctx.origin}/${ctx.locale}/events/${event.id}`;
  const organisationUrl = `${ctx.origin}/${ctx.locale}/organisations/${event.organisation.id}`;
  const cancelled = event.status === 'cancelled';
  const where = placeText(event.place, ctx.locale, t.t('network.place.online'));
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={textIn(event.description, ctx.locale).slice(0, 160) || undefined}
      head={jsonLd(eventJsonLd(data, ctx.locale, { url, organisationUrl }))}
    >
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/agenda`, label: t.t('network.agenda.title') }]}
        current={title}
      />
      <article class="event-page">
        <h1>
          <Localized ctx={ctx} value={event.title} />
        </h1>
        {done ? <Notice text={done} /> : ''}
        {cancelled ? (
          <div class="notice warn" role="status">
            <p>
              <strong>{t.html('network.event.cancelled')}</strong>
            </p>
            {event.cancelReason ? <p safe>{event.cancelReason}</p> : ''}
          </div>
        ) : (
          ''
        )}
        {event.isDemo ? <p class="demo-label">{t.html('network.event.demo')}</p> : ''}
        <dl class="facts">
          <dt>{t.html('network.event.kind')}</dt>
          <dd safe>{label(ctx, 'network.kind', event.kind)}</dd>
          <dt>{t.html('network.event.organiser')}</dt>
          <dd>
            <OrganisationLink ctx={ctx} organisation={event.organisation} />
          </dd>
          <dt>{t.html('network.event.where')}</dt>
          <dd safe>{where}</dd>
          {event.place.kind === 'online' ? <dd class="hint">{t.html('network.event.online_hint')}</dd> : ''}
          <dt>{t.html('network.event.who')}</dt>
          <dd safe>{label(ctx, 'network.who', event.whoMayRegister)}</dd>
          {event.languages.length ? (
            <>
              <dt>{t.html('network.event.languages')}</dt>
              <dd safe>{t.list(event.languages.map((l) => t.language(l)))}</dd>
            </>
          ) : (
            ''
          )}
          {event.themes.length ? (
            <>
              <dt>{t.html('network.event.themes')}</dt>
              <dd safe>{t.list(event.themes.map((th) => textIn(th.name, ctx.locale)))}</dd>
            </>
          ) : (
            ''
          )}
        </dl>
        <Localized ctx={ctx} value={event.description} block />
        <Section id="dates" title={t.t('network.event.dates')}>
          {dates.length ? (
            <ul class="event-dates">
              {dates.map((d) => (
                <li>
                  <span class="when" safe>
                    {spanOf(ctx, d)}
                  </span>{' '}
                  {cancelled ? (
                    ''
                  ) : (
                    <>
                      <span class="places" safe>
                        {placesLeftText(ctx, d)}
                      </span>{' '}
                      {d.open ? (
                        <a
                          class="button"
                          href={`/${ctx.locale}/events/${event.id}/dates/${d.id}/register`}
                          aria-label={t.t('network.event.register_for', { when: spanOf(ctx, d) })}
                        >
                          {t.html(
                            d.placesLeft === 0 ? 'network.event.join_waitlist' : 'network.event.register',
                          )}
                        </a>
                      ) : (
                        <span class="muted">{t.html('network.event.under_way')}</span>
                      )}
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t.html('network.event.no_dates')}</p>
          )}
          {data.more ? <p class="hint">{t.html('network.event.more_dates')}</p> : ''}
          {event.whoMayRegister === 'members' && !cancelled ? (
            <p class="hint">{t.html('network.event.members_only')}</p>
          ) : (
            ''
          )}
        </Section>
        <p>
          <a href={`/organisations/${event.organisation.id}/events.ics?lang=${ctx.locale}`}>
            {t.html('network.event.org_feed')}
          </a>
        </p>
      </article>
    </Layout>
  );
}
