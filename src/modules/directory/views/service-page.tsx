import type { PageContext } from '../../../http/request-context.ts';
import { href } from '../../../http/request-context.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { Breadcrumb, jsonLd, Localized, Section } from '../../../views/components.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { PageTerm } from '../../glossary/index.ts';
import { GlossaryTerms } from '../../glossary/views.ts';
import type { ServicePageData } from '../presenters/page-data.ts';
import { serviceJsonLd } from '../presenters/schema-org.ts';
import { ContactSection, Places } from './contact-parts.tsx';
import { ResidentsNote } from './search-place.tsx';
import {
  Freshness,
  HoursTable,
  KindBadge,
  LanguagesList,
  label,
  Description,
  ServiceBadges,
  Fact,
} from './parts.tsx';

export function ServicePage({
  ctx,
  service,
  terms = [],
}: {
  ctx: PageContext;
  service: ServicePageData;
  /** The glossary's concepts its texts name. */
  terms?: readonly PageTerm[];
}) {
  const { t } = ctx;
  const org = service.organisation;
  const name = textIn(service.name, ctx.locale);
  const orgName = textIn(org.name, ctx.locale);
  const url = `${ctx.origin}/${ctx.locale}/services/${service.id}`;
  const orgUrl = `${ctx.origin}/${ctx.locale}/organisations/${org.id}`;
  const places = service.serviceAtLocations.map((sal) => sal.location);
  const phones = service.phones.length ? service.phones : org.phones.filter((p) => !p.serviceId);
  const details = [
    { key: 'directory.service.application', value: service.applicationProcess },
    { key: 'directory.service.fees', value: service.feesDescription },
    { key: 'directory.service.eligibility', value: service.eligibilityDescription },
  ] as const;
  return (
    <Layout
      ctx={ctx}
      title={`${name} — ${orgName}`}
      description={textIn(service.description, ctx.locale).slice(0, 160)}
      scripts={['vendor/leaflet/leaflet.js', 'map.js']}
      styles={['vendor/leaflet/leaflet.css']}
      head={jsonLd(serviceJsonLd(service, ctx.locale, url, orgUrl))}
    >
      <Breadcrumb
        ctx={ctx}
        trail={[
          { href: href(ctx, '/directory'), label: t.t('nav.directory') },
          { href: href(ctx, `/organisations/${org.id}`), label: orgName },
        ]}
        current={name}
      />
      <article class="service">
        <header class="page-header">
          <h1>
            <Localized ctx={ctx} value={service.name} marker={false} />
          </h1>
          <p class="provider">
            {t.html('directory.service.offered_by')}{' '}
            <a href={href(ctx, `/organisations/${org.id}`)}>
              <Localized ctx={ctx} value={org.name} marker={false} />
            </a>{' '}
            <KindBadge ctx={ctx} kind={org.kind} />
          </p>
          <ServiceBadges ctx={ctx} service={service} />
          <ResidentsNote ctx={ctx} communes={service.residentCommunes} />
          <Freshness ctx={ctx} lastConfirmedAt={service.lastConfirmedAt ?? org.lastConfirmedAt} />
          <p class="refer-link">
            <a class="button" href={href(ctx, '/referrals/new', { service: service.id })}>
              {t.html('directory.referrals.refer')}
            </a>
          </p>
          {service.status === 'active' ? (
            <p class="card-link">
              <a class="button secondary" href={href(ctx, `/services/${service.id}/card`)}>
                {t.html('directory.service.card_link')}
              </a>
            </p>
          ) : (
            ''
          )}
        </header>

        <Description ctx={ctx} text={service.description} />

        <Section id="facts" title={t.t('directory.service.at_a_glance')}>
          <dl class="facts">
            <Fact term={t.t('directory.themes')}>
              <ul class="inline">
                {service.themes.map((th) => (
                  <li>
                    <a href={href(ctx, '/directory', { theme: th.term.code })} safe>
                      {textIn(th.term.name, ctx.locale)}
                    </a>
                  </li>
                ))}
              </ul>
            </Fact>
            {service.targetGroups.length ? (
              <Fact
                term={t.t('directory.service.for_whom')}
                text={t.list(service.targetGroups.map((g) => label(ctx, 'directory.target', g)))}
              />
            ) : (
              ''
            )}
            {service.accessConditions.length ? (
              <Fact term={t.t('directory.service.access')}>
                <ul class="access">
                  {service.accessConditions.map((a) => (
                    <li safe>{label(ctx, 'directory.access', a)}</li>
                  ))}
                </ul>
              </Fact>
            ) : (
              ''
            )}
            <Fact term={t.t('directory.service.languages')}>
              <LanguagesList ctx={ctx} codes={service.languages} />
            </Fact>
          </dl>
          {details.map((d) =>
            d.value && textIn(d.value, ctx.locale) ? (
              <>
                <h3>{t.html(d.key)}</h3>
                <Localized ctx={ctx} value={d.value} block />
              </>
            ) : (
              ''
            ),
          )}
        </Section>

        <GlossaryTerms ctx={ctx} terms={terms} />

        <Section id="hours" title={t.t('directory.service.hours')}>
          <HoursTable
            ctx={ctx}
            weekly={service.schedules}
            exceptions={service.exceptions}
            closedOnPublicHolidays={service.closedOnPublicHolidays}
          />
          <p class="note">
            {t.html(
              service.closedOnPublicHolidays
                ? 'directory.hours.holidays_closed'
                : 'directory.hours.holidays_open',
            )}
          </p>
        </Section>

        <Section id="where" title={t.t('directory.service.where')}>
          <Places ctx={ctx} name={name} places={places} />
        </Section>

        <ContactSection
          ctx={ctx}
          details={{ email: service.email ?? org.email, website: service.url, phones }}
          contacts={service.contacts}
        />
      </article>
    </Layout>
  );
}
