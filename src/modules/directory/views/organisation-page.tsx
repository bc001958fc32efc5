// An organisation's public page: what it offers, where, when, who to ask, and how trustworthy the listing is.
import { vouchableKinds } from '../directory.vocabulary.ts';
import type { PageContext } from '../../../http/request-context.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { OrganisationFigure } from '../organisation-figures.ts';
import { href } from '../../../http/request-context.ts';
import { type I18nText, textIn } from '../../../shared/i18n-text.ts';
import { Breadcrumb, jsonLd, Localized, Section } from '../../../views/components.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { OrganisationPageData } from '../presenters/page-data.ts';
import { formatKbo } from '../kbo.ts';
import { organisationJsonLd } from '../presenters/schema-org.ts';
import {
  Freshness,
  KindBadge,
  LanguagesList,
  label,
  VerificationBadge,
  Description,
  ServiceBadges,
  Fact,
} from './parts.tsx';

import { ContactSection, Places } from './contact-parts.tsx';

export function OrganisationPage({
  ctx,
  org,
  vouchers = [],
  figures = [],
}: {
  ctx: PageContext;
  org: OrganisationPageData;
  /** Verified organisations that vouch for this one. */
  vouchers?: { id: string; name: I18nText }[];
  /** What other modules count for it (fulfilled exchange posts, say); none at zero. */
  figures?: OrganisationFigure[];
}) {
  const { t } = ctx;
  const name = textIn(org.name, ctx.locale);
  const url = `${ctx.origin}/${ctx.locale}/organisations/${org.id}`;
  const services = [...org.services].sort((a, b) =>
    textIn(a.name, ctx.locale).localeCompare(textIn(b.name, ctx.locale), ctx.locale),
  );
  return (
    <Layout
      ctx={ctx}
      title={name}
      description={textIn(org.description, ctx.locale).slice(0, 160)}
      scripts={['vendor/leaflet/leaflet.js', 'map.js']}
      styles={['vendor/leaflet/leaflet.css']}
      head={jsonLd(organisationJsonLd(org, ctx.locale, url))}
    >
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: href(ctx, '/directory'), label: t.t('nav.directory') }]}
        current={name}
      />
      <article class="organisation">
        <header class="page-header">
          {org.logoUpdatedAt ? (
            <img
              src={`/logos/${org.id}?v=${org.logoUpdatedAt.getTime()}`}
              alt=""
              class="org-logo"
              width="72"
              height="72"
            />
          ) : (
            ''
          )}
          <h1>
            <Localized ctx={ctx} value={org.name} marker={false} />
          </h1>
          {org.alternateName ? (
            <p class="alternate-name">
              <Localized ctx={ctx} value={org.alternateName} marker={false} />
            </p>
          ) : (
            ''
          )}
          <p class="badges">
            <KindBadge ctx={ctx} kind={org.kind} /> <VerificationBadge ctx={ctx} state={org.verification} />
            {org.isDemo ? <span class="badge demo">{t.html('demo.label')}</span> : ''}
          </p>
          <Freshness ctx={ctx} lastConfirmedAt={org.lastConfirmedAt} />
          {vouchers.length ? (
            <p class="vouchers">
              {t.html('directory.organisation.vouched_by')}{' '}
              {vouchers.map((v, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={`/${ctx.locale}/organisations/${v.id}`}>
                    <Localized ctx={ctx} value={v.name} marker={false} />
                  </a>
                </>
              ))}
            </p>
          ) : (
            ''
          )}
        </header>

        <Description ctx={ctx} text={org.description} />

        <Section id="services" title={t.t('directory.organisation.services')}>
          {services.length ? (
            <ul class="service-list">
              {services.map((s) => (
                <li>
                  <h3>
                    <a href={href(ctx, `/services/${s.id}`)}>
                      <Localized ctx={ctx} value={s.name} marker={false} />
                    </a>
                  </h3>
                  <ServiceBadges ctx={ctx} service={s} />
                  <p class="themes" safe>
                    {t.list(s.themes.map((th) => textIn(th.term.name, ctx.locale)))}
                  </p>
                  {s.languages.length ? (
                    <p class="languages">
                      {t.html('directory.service.languages')}: <LanguagesList ctx={ctx} codes={s.languages} />
                    </p>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.html('directory.organisation.no_services')}</p>
          )}
        </Section>

        <Section id="locations" title={t.t('directory.organisation.locations')}>
          <Places ctx={ctx} name={name} places={org.locations} />
        </Section>

        <ContactSection
          ctx={ctx}
          details={{ email: org.email, website: org.website, phones: org.phones.filter((p) => !p.serviceId) }}
          contacts={org.contacts}
          peopleTitle={t.t('directory.organisation.contact_people')}
        />

        {figures.length ? (
          <Section id="figures" title={t.t('directory.organisation.figures')}>
            <ul class="organisation-figures">
              {figures.map((f) => (
                <li safe>{t.t(f.key as MessageKey, { count: f.count })}</li>
              ))}
            </ul>
          </Section>
        ) : (
          ''
        )}

        <Section id="about" title={t.t('directory.organisation.about')}>
          <dl class="facts">
            <Fact
              term={t.t('directory.organisation.kbo')}
              text={org.kboNumber ? formatKbo(org.kboNumber) : t.t('directory.organisation.no_kbo')}
            />
            {org.legalStatus ? (
              <Fact term={t.t('directory.organisation.legal_status')} text={org.legalStatus} />
            ) : (
              ''
            )}
            {org.yearIncorporated ? (
              <Fact term={t.t('directory.organisation.since')} text={String(org.yearIncorporated)} />
            ) : (
              ''
            )}
            {org.communities.length ? (
              <Fact
                term={t.t('directory.organisation.communities')}
                text={t.list(org.communities.map((c) => label(ctx, 'directory.community', c)))}
              />
            ) : (
              ''
            )}
            <Fact
              term={t.t('directory.organisation.source')}
              text={
                org.provenanceSource === 'demo' || org.provenanceSource === 'passerelle'
                  ? label(ctx, 'directory.provenance', org.provenanceSource)
                  : t.t('directory.provenance.imported', {
                      source: org.provenanceSource,
                      date: org.provenanceImportedAt ? t.date(org.provenanceImportedAt) : '—',
                    })
              }
            />
          </dl>
          <p class="manage-link">
            <a href={`/${ctx.locale}/organisations/${org.id}/claim`}>
              {t.html('directory.organisation.manage_listing')}
            </a>
            {' · '}
            <a href={`/${ctx.locale}/organisations/${org.id}/report`}>
              {t.html('directory.organisation.report')}
            </a>
            {vouchableKinds.includes(org.kind) ? (
              <>
                {' · '}
                <a href={`/${ctx.locale}/organisations/${org.id}/vouch`}>
                  {t.html('directory.organisation.vouch')}
                </a>
              </>
            ) : (
              ''
            )}
          </p>
        </Section>
      </article>
    </Layout>
  );
}
