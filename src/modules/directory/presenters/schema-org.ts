// schema.org JSON-LD for organisation and service pages, so search engines and assistants can
// read names, addresses, opening hours and languages.
import type { Locale } from '../../../shared/i18n-text.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { geoReference } from '../../geo/index.ts';
import type { OrganisationRecord, ServiceRecord } from '../directory.repo.ts';
import type { OrganisationKind } from '../directory.vocabulary.ts';

const dayNames = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const typeOf: Record<OrganisationKind, string> = {
  formal: 'NGO',
  self_organisation: 'NGO',
  citizen_initiative: 'Organization',
  faith_community: 'Organization',
  sports_culture_club: 'SportsOrganization',
  public_service: 'GovernmentOrganization',
};

type Location = OrganisationRecord['locations'][number];
type Schedule = ServiceRecord['schedules'][number];

function place(location: Location, locale: Locale) {
  const commune = location.communeNis ? geoReference().commune(location.communeNis) : undefined;
  return {
    '@type': 'Place',
    name: textIn(location.name, locale) || undefined,
    address: {
      '@type': 'PostalAddress',
      streetAddress: location.address ?? undefined,
      postalCode: location.postcode ?? undefined,
      addressLocality: commune?.name[locale] ?? location.locality ?? undefined,
      addressRegion: 'Brussels-Capital Region',
      addressCountry: 'BE',
    },
    geo:
      location.latitude !== null && location.longitude !== null
        ? { '@type': 'GeoCoordinates', latitude: location.latitude, longitude: location.longitude }
        : undefined,
  };
}

function openingHours(schedules: Schedule[]) {
  return schedules.map((s) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: `https://schema.org/${dayNames[s.weekday]}`,
    opens: s.opensAt.slice(0, 5),
    closes: s.closesAt.slice(0, 5),
    validFrom: s.validFrom ?? undefined,
    validThrough: s.validTo ?? undefined,
  }));
}

export function organisationJsonLd(org: OrganisationRecord, locale: Locale, url: string) {
  return {
    '@context': 'https://schema.org',
    '@type': typeOf[org.kind],
    '@id': url,
    url: org.website ?? url,
    name: textIn(org.name, locale),
    alternateName: textIn(org.alternateName, locale) || undefined,
    description: textIn(org.description, locale) || undefined,
    email: org.email ?? undefined,
    telephone: org.phones[0]?.number,
    taxID: org.kboNumber ?? undefined,
    foundingDate: org.yearIncorporated ? String(org.yearIncorporated) : undefined,
    location: org.locations.map((l) => place(l, locale)),
    contactPoint: org.contacts.map((c) => ({
      '@type': 'ContactPoint',
      name: c.name,
      contactType: textIn(c.title, locale) || undefined,
      email: c.email ?? undefined,
      telephone: c.phone ?? undefined,
      availableLanguage: c.languages,
    })),
    makesOffer: org.services.map((s) => ({
      '@type': 'Offer',
      itemOffered: { '@type': 'Service', name: textIn(s.name, locale) },
    })),
  };
}

export function serviceJsonLd(service: ServiceRecord, locale: Locale, url: string, organisationUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Service',
    '@id': url,
    url: service.url ?? url,
    name: textIn(service.name, locale),
    description: textIn(service.description, locale) || undefined,
    provider: {
      '@type': typeOf[service.organisation.kind],
      '@id': organisationUrl,
      name: textIn(service.organisation.name, locale),
    },
    availableLanguage: service.languages,
    areaServed: { '@type': 'AdministrativeArea', name: 'Brussels-Capital Region' },
    availableChannel: service.serviceAtLocations.map((sal) => ({
      '@type': 'ServiceChannel',
      serviceLocation: place(sal.location, locale),
    })),
    hoursAvailable: openingHours(service.schedules),
    isAccessibleForFree: service.accessConditions.includes('free') || undefined,
  };
}
