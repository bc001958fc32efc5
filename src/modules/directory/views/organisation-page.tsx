import { vouchableKinds } from '../directory.vocabulary.ts';
import type { PageContext } from '../../../http/request-context.ts';
import { href } from '../../../http/request-context.ts';
import { type I18nText, textIn } from '../../../shared/i18n-text.ts';
import { Breadcrumb, jsonLd, Localized } from '../../../views/components.tsx';
import { Layout } from '../../../views/layout.tsx';
import { serviceOpenState } from '../listing-state.ts';
import type { OrganisationPageData } from '../presenters/page-data.ts';
import { formatKbo } from '../kbo.ts';
import { organisationJsonLd } from '../presenters/schema-org.ts';
import {
  communeName,
  Freshness,
  KindBadge,
  LanguagesList,
  label,
  OpenBadge,
  quartierName,
  VerificationBadge,
} from './parts.tsx';

type Location = OrganisationPageData['locations'][number];
type Phone = OrganisationPageData['phones'][number];

/** A small map of a few places; the page lists the same addresses, so it is a bonus, not a need. */
export function SmallMap({
  ctx,
  name,
  places,
}: {
  ctx: PageContext;
  name: string;
  places: Pick<Location, 'latitude' | 'longitude' | 'address'>[];
}) {
  const points = places
    .filter((l) => l.latitude !== null && l.longitude !== null)
    .map((l) => ({
      lat: l.latitude,
      lon: l.longitude,
      label: [name, l.address].filter(Boolean).join(' — '),
    }));
  if (!points.length) return '';
  return (
    <div
      class="map small-map"
      data-map="points"
      data-communes="/api/v1/geo/communes"
      data-points={JSON.stringify(points)}
      data-tiles={ctx.tiles.url}
      data-attribution={ctx.tiles.attribution}
      role="region"
      aria-label={ctx.t.t('organisation.map_label', { name })}
    ></div>
  );
}

export function Address({ ctx, location }: { ctx: PageContext; location: Location }) {
  const commune = communeName(ctx, location.communeNis);
  const quartier = quartierName(ctx, location.quartierCode);
  return (
    <address>
      {location.name ? (
        <strong class="location-name">
          <Localized ctx={ctx} value={location.name} marker={false} />
        </strong>
      ) : (
        ''
      )}
      {location.address ? <span safe>{location.address}</span> : ''}
      <span safe>{[location.postcode, commune || location.locality].filter(Boolean).join(' ')}</span>
      {quartier ? (
        <span class="quartier" safe>
          {ctx.t.t('location.quartier', { quartier })}
        </span>
      ) : (
        ''
      )}
    </address>
  );
}

export function PhoneLink({
  ctx,
  phone,
}: {
  ctx: PageContext;
  phone: Pick<Phone, 'number' | 'type' | 'description' | 'languages'>;
}) {
  return (
    <>
      <a href={`tel:${phone.number.replace(/[^+\d]/g, '')}`} safe>
        {phone.number}
      </a>
      {phone.description ? (
        <>
          {' — '}
          <Localized ctx={ctx} value={phone.description} />
        </>
      ) : (
        ''
      )}
      {phone.languages.length ? (
        <>
          {' ('}
          <LanguagesList ctx={ctx} codes={phone.languages} />)
        </>
      ) : (
        ''
      )}
    </>
  );
}

type Contact = OrganisationPageData['contacts'][number];

export function ContactDetails({
  ctx,
  email,
  website,
  phones,
}: {
  ctx: PageContext;
  email: string | null;
  website: string | null;
  phones: Phone[];
}) {
  const { t } = ctx;
  return (
    <dl class="facts contact">
      {email ? (
        <div>
          <dt>{t.html('contact.email')}</dt>
          <dd>
            <a href={`mailto:${email}`} safe>
              {email}
            </a>
          </dd>
        </div>
      ) : (
        ''
      )}
      {website ? (
        <div>
          <dt>{t.html('contact.website')}</dt>
          <dd>
            <a href={website} rel="noopener" safe>
              {website.replace(/^https?:\/\//, '')}
            </a>
          </dd>
        </div>
      ) : (
        ''
      )}
      {phones.map((p) => (
        <div>
          <dt safe>{label(ctx, 'phone', p.type)}</dt>
          <dd>
            <PhoneLink ctx={ctx} phone={p} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ContactPeople({ ctx, contacts }: { ctx: PageContext; contacts: Contact[] }) {
  const { t } = ctx;
  return (
    <ul class="contact-people">
      {contacts.map((c) => (
        <li>
          <strong safe>{c.name}</strong>
          {c.title ? (
            <>
              {', '}
              <Localized ctx={ctx} value={c.title} />
            </>
          ) : (
            ''
          )}
          {c.languages.length ? (
            <span class="speaks">
              {' · '}
              {t.html('contact.speaks')} <LanguagesList ctx={ctx} codes={c.languages} />
            </span>
          ) : (
            ''
          )}
          {c.email ? (
            <>
              <br />
              <a href={`mailto:${c.email}`} safe>
                {c.email}
              </a>
            </>
          ) : (
            ''
          )}
          {c.phone ? (
            <>
              <br />
              <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`} safe>
                {c.phone}
              </a>
            </>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

export function OrganisationPage({
  ctx,
  org,
  vouchers = [],
}: {
  ctx: PageContext;
  org: OrganisationPageData;
  /** Verified organisations that vouch for this one. */
  vouchers?: { id: string; name: I18nText }[];
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
              {t.html('organisation.vouched_by')}{' '}
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

        <section class="description">
          <Localized ctx={ctx} value={org.description} block />
        </section>

        <section aria-labelledby="services-title">
          <h2 id="services-title">{t.html('organisation.services')}</h2>
          {services.length ? (
            <ul class="service-list">
              {services.map((s) => (
                <li>
                  <h3>
                    <a href={href(ctx, `/services/${s.id}`)}>
                      <Localized ctx={ctx} value={s.name} marker={false} />
                    </a>
                  </h3>
                  <p class="badges">
                    <OpenBadge ctx={ctx} state={serviceOpenState(s)} />
                    {s.status !== 'active' ? (
                      <span class="badge closed" safe>
                        {label(ctx, 'status', s.status)}
                      </span>
                    ) : (
                      ''
                    )}
                  </p>
                  <p class="themes" safe>
                    {t.list(s.themes.map((th) => textIn(th.term.name, ctx.locale)))}
                  </p>
                  {s.languages.length ? (
                    <p class="languages">
                      {t.html('service.languages')}: <LanguagesList ctx={ctx} codes={s.languages} />
                    </p>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.html('organisation.no_services')}</p>
          )}
        </section>

        <section aria-labelledby="locations-title">
          <h2 id="locations-title">{t.html('organisation.locations')}</h2>
          {org.locations.length ? (
            <>
              <ul class="locations">
                {org.locations.map((l) => (
                  <li>
                    <Address ctx={ctx} location={l} />
                  </li>
                ))}
              </ul>
              <SmallMap ctx={ctx} name={name} places={org.locations} />
            </>
          ) : (
            <p>{t.html('organisation.no_locations')}</p>
          )}
        </section>

        <section aria-labelledby="contact-title">
          <h2 id="contact-title">{t.html('organisation.contact')}</h2>
          <ContactDetails
            ctx={ctx}
            email={org.email}
            website={org.website}
            phones={org.phones.filter((p) => !p.serviceId)}
          />
          {org.contacts.length ? (
            <>
              <h3>{t.html('organisation.contact_people')}</h3>
              <ContactPeople ctx={ctx} contacts={org.contacts} />
            </>
          ) : (
            ''
          )}
        </section>

        <section aria-labelledby="about-title">
          <h2 id="about-title">{t.html('organisation.about')}</h2>
          <dl class="facts">
            <div>
              <dt>{t.html('organisation.kbo')}</dt>
              <dd safe>{org.kboNumber ? formatKbo(org.kboNumber) : t.t('organisation.no_kbo')}</dd>
            </div>
            {org.legalStatus ? (
              <div>
                <dt>{t.html('organisation.legal_status')}</dt>
                <dd safe>{org.legalStatus}</dd>
              </div>
            ) : (
              ''
            )}
            {org.yearIncorporated ? (
              <div>
                <dt>{t.html('organisation.since')}</dt>
                <dd safe>{String(org.yearIncorporated)}</dd>
              </div>
            ) : (
              ''
            )}
            {org.communities.length ? (
              <div>
                <dt>{t.html('organisation.communities')}</dt>
                <dd safe>{t.list(org.communities.map((c) => label(ctx, 'community', c)))}</dd>
              </div>
            ) : (
              ''
            )}
            <div>
              <dt>{t.html('organisation.source')}</dt>
              <dd safe>
                {org.provenanceSource === 'demo' || org.provenanceSource === 'passerelle'
                  ? label(ctx, 'provenance', org.provenanceSource)
                  : t.t('provenance.imported', {
                      source: org.provenanceSource,
                      date: org.provenanceImportedAt ? t.date(org.provenanceImportedAt) : '—',
                    })}
              </dd>
            </div>
          </dl>
          <p class="manage-link">
            <a href={`/${ctx.locale}/organisations/${org.id}/claim`}>
              {t.html('organisation.manage_listing')}
            </a>
            {' · '}
            <a href={`/${ctx.locale}/organisations/${org.id}/report`}>{t.html('organisation.report')}</a>
            {vouchableKinds.includes(org.kind) ? (
              <>
                {' · '}
                <a href={`/${ctx.locale}/organisations/${org.id}/vouch`}>{t.html('organisation.vouch')}</a>
              </>
            ) : (
              ''
            )}
          </p>
        </section>
      </article>
    </Layout>
  );
}
