// Places, phones, contact details and contact persons, as organisation and service pages show them.
import type { PageContext } from '../../../http/request-context.ts';
import { Localized, Section } from '../../../views/components.tsx';
import { PointsMap } from '../../../views/points-map.tsx';
import type { OrganisationPageData } from '../presenters/page-data.ts';
import { communeName, Fact, LanguagesList, label, quartierName } from './parts.tsx';

type Location = OrganisationPageData['locations'][number];
type Phone = OrganisationPageData['phones'][number];

/** The addresses of an organisation or service, and a small map of them. */
export function Places({ ctx, name, places }: { ctx: PageContext; name: string; places: Location[] }) {
  if (!places.length) return <p>{ctx.t.html('directory.organisation.no_locations')}</p>;
  return (
    <>
      <ul class="locations">
        {places.map((l) => (
          <li>
            <Address ctx={ctx} location={l} />
          </li>
        ))}
      </ul>
      <SmallMap ctx={ctx} name={name} places={places} />
    </>
  );
}

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
    <PointsMap
      ctx={ctx}
      points={points}
      class="small-map"
      label={ctx.t.t('directory.organisation.map_label', { name })}
    />
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
          {ctx.t.t('directory.location.quartier', { quartier })}
        </span>
      ) : (
        ''
      )}
    </address>
  );
}

/** A "tel:" address: the digits and a leading plus, as phones dial them. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^+\d]/g, '')}`;
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
      <a href={telHref(phone.number)} safe>
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
        <Fact term={t.t('directory.contact.email')}>
          <a href={`mailto:${email}`} safe>
            {email}
          </a>
        </Fact>
      ) : (
        ''
      )}
      {website ? (
        <Fact term={t.t('directory.contact.website')}>
          <a href={website} rel="noopener" safe>
            {website.replace(/^https?:\/\//, '')}
          </a>
        </Fact>
      ) : (
        ''
      )}
      {phones.map((p) => (
        <Fact term={label(ctx, 'directory.phone', p.type)}>
          <PhoneLink ctx={ctx} phone={p} />
        </Fact>
      ))}
    </dl>
  );
}

/**
 * How to reach an organisation or a service: its address, website and phones, then its contact
 * persons, under `peopleTitle` when one is given.
 */
export function ContactSection({
  ctx,
  details,
  contacts,
  peopleTitle,
}: {
  ctx: PageContext;
  details: { email: string | null; website: string | null; phones: Phone[] };
  contacts: Contact[];
  peopleTitle?: string;
}) {
  return (
    <Section id="contact" title={ctx.t.t('directory.organisation.contact')}>
      <ContactDetails ctx={ctx} {...details} />
      {contacts.length ? (
        <>
          {peopleTitle ? <h3 safe>{peopleTitle}</h3> : ''}
          <ContactPeople ctx={ctx} contacts={contacts} />
        </>
      ) : (
        ''
      )}
    </Section>
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
              {t.html('directory.contact.speaks')} <LanguagesList ctx={ctx} codes={c.languages} />
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
