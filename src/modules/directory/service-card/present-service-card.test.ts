import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/index.ts';
import { zone } from '../../../shared/opening-hours.ts';
import {
  type CardSource,
  comingClosures,
  presentServiceCard,
  shortWeek,
  smsLimit,
  smsText,
} from './present-service-card.ts';

const brussels = (iso: string) => DateTime.fromISO(iso, { zone });
const en = translator('en');
const fr = translator('fr');
const nl = translator('nl');

const office = (days: number[], opensAt: string, closesAt: string) =>
  days.map((weekday) => ({ weekday, opensAt: `${opensAt}:00`, closesAt: `${closesAt}:00` }));

const service: CardSource = {
  id: '0b6f3f0e-8f5e-4a63-9d0e-6a1c3c0f2a11',
  name: { nl: 'Sociale permanentie', fr: 'Permanence sociale', en: 'Social help desk' },
  languages: ['nl', 'fr', 'ar'],
  schedules: [
    ...office([1, 2, 3, 4, 5], '09', '12'),
    ...office([1, 2, 4, 5], '13', '17'),
    ...office([6], '10', '12'),
  ],
  exceptions: [
    { startsOn: '2026-12-24', endsOn: '2027-01-01', closed: true },
    {
      startsOn: '2026-12-10',
      endsOn: '2026-12-10',
      closed: false,
      opensAt: '18:00:00',
      closesAt: '21:00:00',
    },
    { startsOn: '2027-03-01', endsOn: '2027-03-02', closed: true },
  ],
  closedOnPublicHolidays: true,
  phones: [],
  serviceAtLocations: [
    {
      location: {
        name: null,
        address: 'Oude Graanmarkt 38',
        postcode: '1000',
        locality: 'Brussel',
        // Beside the Bourse: Brussels-Central is a short walk.
        latitude: 50.8484,
        longitude: 4.3497,
        communeNis: '21004',
        transport: { nl: 'Metro Beurs, tram 3 of 4.', fr: 'Métro Bourse, tram 3 ou 4.' },
      },
    },
  ],
  organisation: {
    name: { nl: 'Welzijnscentrum De Linden', fr: 'Centre d’action sociale Les Tilleuls' },
    phones: [
      { number: '02 555 00 99', type: 'fax', serviceId: null },
      { number: '0470 12 34 56', type: 'cell', serviceId: null },
      { number: '02 555 00 00', type: 'voice', serviceId: null },
      { number: '02 555 00 11', type: 'voice', serviceId: 'another-service' },
    ],
  },
};

describe('the week, short', () => {
  it('puts consecutive days with the same hours on one line, in the card’s language', () => {
    expect(shortWeek(service.schedules, '2026-12-04', en)).toEqual([
      { days: 'Mon–Tue', hours: '9:00–12:00, 13:00–17:00' },
      { days: 'Wed', hours: '9:00–12:00' },
      { days: 'Thu–Fri', hours: '9:00–12:00, 13:00–17:00' },
      { days: 'Sat', hours: '10:00–12:00' },
    ]);
    expect(shortWeek(service.schedules, '2026-12-04', nl).map((w) => w.days)).toEqual([
      'ma–di',
      'wo',
      'do–vr',
      'za',
    ]);
    expect(shortWeek(service.schedules, '2026-12-04', fr)[0]!.days).toBe('lun.–mar.');
  });

  it('keeps an overnight span as it is written and leaves out hours that no longer hold', () => {
    const night = [
      ...office([1, 2, 3, 4, 5, 6, 7], '20', '08'),
      { weekday: 1, opensAt: '09:00', closesAt: '12:00', validTo: '2026-06-30' },
    ];
    expect(shortWeek(night, '2026-12-04', en)).toEqual([{ days: 'Mon–Sun', hours: '20:00–8:00' }]);
  });
});

describe('coming closures', () => {
  it('names the closures and special hours of the coming six weeks, soonest first', () => {
    expect(comingClosures(service.exceptions, '2026-12-04', en)).toEqual([
      '10 Dec: 18:00–21:00',
      '24 Dec–1 Jan: closed',
    ]);
    expect(comingClosures(service.exceptions, '2026-12-26', fr)).toEqual(['24 déc.–1 janv. : fermé']);
  });
});

describe('the card', () => {
  const now = brussels('2026-12-04T10:00');

  it('is written in the language chosen for the person, whatever the reader’s', () => {
    const card = presentServiceCard(service, 'fr', 'https://passerelle.example', now);
    expect(card.name).toEqual({ text: 'Permanence sociale' });
    expect(card.organisation).toEqual({ text: 'Centre d’action sociale Les Tilleuls' });
    expect(card.places[0]!.lines).toEqual(['Oude Graanmarkt 38', '1000 Bruxelles']);
    expect(card.places[0]!.transport).toEqual({ text: 'Métro Bourse, tram 3 ou 4.' });
    expect(card.languages).toEqual(['néerlandais', 'français', 'arabe']);
    expect(card.url).toBe(`https://passerelle.example/fr/services/${service.id}`);
  });

  it('marks a text that is missing in the chosen language with the language it is in', () => {
    const card = presentServiceCard(service, 'en', 'https://passerelle.example', now);
    expect(card.organisation).toEqual({ text: 'Centre d’action sociale Les Tilleuls', lang: 'fr' });
    expect(card.places[0]!.transport).toEqual({ text: 'Métro Bourse, tram 3 ou 4.', lang: 'fr' });
  });

  it('gives the organisation’s numbers one can call, the desk first, when the service has none', () => {
    const card = presentServiceCard(service, 'en', 'https://passerelle.example', now);
    expect(card.phones).toEqual(['02 555 00 00', '0470 12 34 56']);
    const own = presentServiceCard(
      { ...service, phones: [{ number: '02 555 77 77', type: 'voice', serviceId: service.id }] },
      'en',
      'https://passerelle.example',
      now,
    );
    expect(own.phones).toEqual(['02 555 77 77']);
    const onlyFax = presentServiceCard(
      { ...service, phones: [{ number: '02 555 77 70', type: 'fax', serviceId: service.id }] },
      'en',
      'https://passerelle.example',
      now,
    );
    expect(onlyFax.phones).toEqual(['02 555 00 00', '0470 12 34 56']);
  });

  it('names the nearest railway station in the card’s language, with a walk in metres and minutes', () => {
    const nlCard = presentServiceCard(service, 'nl', 'https://passerelle.example', now);
    const station = nlCard.places[0]!.station!;
    expect(station.name).toBe('Brussel-Centraal');
    expect(station.metres).toBeGreaterThan(300);
    expect(station.metres).toBeLessThan(1500);
    expect(station.metres % 50).toBe(0);
    expect(station.minutes).toBe(Math.round(station.metres / 80));
    expect(presentServiceCard(service, 'fr', 'https://x', now).places[0]!.station!.name).toBe(
      'Bruxelles-Central',
    );
    const far = presentServiceCard(
      {
        ...service,
        serviceAtLocations: [
          { location: { ...service.serviceAtLocations[0]!.location, latitude: 51.2, longitude: 4.4 } },
        ],
      },
      'nl',
      'https://x',
      now,
    );
    expect(far.places[0]!.station).toBeNull();
  });
});

describe('the SMS text', () => {
  const now = brussels('2026-12-04T10:00');

  it('gives name, organisation, address, phone and hours, one per line, in the chosen language', () => {
    expect(presentServiceCard(service, 'nl', 'https://x', now).sms).toBe(
      [
        'Sociale permanentie (Welzijnscentrum De Linden)',
        'Oude Graanmarkt 38, 1000 Brussel',
        'Tel. 02 555 00 00',
        'Open: ma–di 9:00–12:00, 13:00–17:00; wo 9:00–12:00; do–vr 9:00–12:00, 13:00–17:00; za 10:00–12:00',
      ].join('\n'),
    );
    expect(presentServiceCard(service, 'fr', 'https://x', now).sms).toContain(
      '\nTél. 02 555 00 00\nOuvert : lun.–mar.',
    );
  });

  it('stays under the limit when the name and the hours are long: the organisation goes, then the hours are cut', () => {
    const long = presentServiceCard(
      {
        ...service,
        name: { en: `Help desk for ${'very '.repeat(30)}long questions` },
        organisation: { ...service.organisation, name: { en: 'An organisation with a long name too' } },
        schedules: [1, 2, 3, 4, 5, 6, 7].flatMap((d) => office([d], `0${d}`, `1${d}`)),
      },
      'en',
      'https://x',
      now,
    );
    expect([...long.sms].length).toBeLessThan(smsLimit);
    expect(long.sms).not.toContain('An organisation with a long name');
    expect(long.sms).toContain('Tel. 02 555 00 00');
    expect(long.sms).toMatch(/\nOpen: Mon 1:00–11:00; .*…$/);
  });

  it('leaves out what the service does not publish', () => {
    const bare = presentServiceCard(
      { ...service, schedules: [], serviceAtLocations: [], organisation: { name: {}, phones: [] } },
      'en',
      'https://x',
      now,
    );
    expect(bare.sms).toBe('Social help desk');
    expect(smsText({ ...bare, phones: ['02 1'] }, en)).toBe('Social help desk\nTel. 02 1');
  });
});
