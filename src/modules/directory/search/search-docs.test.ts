import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../../http/request-context.ts';
import { translator } from '../../../i18n/index.ts';
import { type Locale } from '../../../shared/i18n-text.ts';
import { openState, zone } from '../../../shared/opening-hours.ts';
import { hoursOf, hoursOfSearchDoc } from '../listing-state.ts';
import { openBadgeText } from '../views/parts.tsx';
import { buildDocs } from './search-docs.ts';
import type { DirectorySnapshot, ScheduleSource } from './search.repo.ts';

const brussels = (iso: string) => DateTime.fromISO(iso, { zone });
const ctxIn = (locale: Locale) => ({ locale, t: translator(locale) }) as PageContext;

const org = {
  id: 'org-1',
  name: { en: 'De Linden' },
  alternateName: null,
  description: { en: 'Welfare centre' },
  kind: 'formal' as const,
  verification: 'verified' as const,
  lastConfirmedAt: '2026-10-01',
};
const service = (id: string) => ({
  id,
  organisationId: org.id,
  name: { en: `Service ${id}` },
  alternateName: null,
  description: { en: 'Help' },
  targetGroups: [],
  accessConditions: [],
  languages: ['nl'],
  closedOnPublicHolidays: true,
  lastConfirmedAt: null,
});
const hours = (serviceId: string, weekday: number, opensAt: string, closesAt: string): ScheduleSource => ({
  serviceId,
  weekday,
  opensAt: `${opensAt}:00`,
  closesAt: `${closesAt}:00`,
  validFrom: null,
  validTo: null,
});

const schedules: ScheduleSource[] = [
  ...[1, 2, 3, 4, 5].map((d) => hours('desk', d, '09', '12')),
  ...[1, 2, 4].map((d) => hours('desk', d, '13', '17')),
  // A night shelter: every evening until the next morning, Sunday's into Monday.
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => hours('shelter', d, '20', '08')),
  { ...hours('desk', 6, '10', '12'), validFrom: '2027-01-01' },
];
const exceptions = [
  {
    serviceId: 'desk',
    startsOn: '2026-12-24',
    endsOn: '2026-12-26',
    closed: true,
    opensAt: null,
    closesAt: null,
  },
  {
    serviceId: 'desk',
    startsOn: '2026-12-09',
    endsOn: '2026-12-09',
    closed: false,
    opensAt: '18:00:00',
    closesAt: '21:00:00',
  },
];

const snapshot: DirectorySnapshot = {
  organisations: [org],
  services: [service('desk'), service('shelter'), service('silent')],
  locations: [],
  themes: [],
  schedules,
  exceptions,
  phones: [
    { organisationId: org.id, serviceId: null, number: '02 555 00 00', type: 'voice' },
    { organisationId: org.id, serviceId: 'shelter', number: '0800 12 345', type: 'voice' },
  ],
};
const docs = new Map(buildDocs(snapshot, new Date('2026-12-04T12:00:00Z')).map((d) => [d.id, d]));

describe('a search document’s hours', () => {
  it('give the same open state as the service’s own hours, minute for minute, for two weeks', () => {
    for (const id of ['desk', 'shelter']) {
      const own = hoursOf({
        schedules: schedules.filter((s) => s.serviceId === id),
        exceptions: exceptions.filter((e) => e.serviceId === id),
        closedOnPublicHolidays: true,
      });
      const fromDoc = hoursOfSearchDoc(docs.get(id)!);
      // Over Christmas, a public holiday, the special evening and a Sunday night.
      for (
        let at = brussels('2026-12-05T00:00');
        at < brussels('2026-12-29T00:00');
        at = at.plus({ minutes: 30 })
      ) {
        const expected = openState(own, at);
        const actual = openState(fromDoc, at);
        expect({
          at: at.toISO(),
          open: actual.open,
          closes: actual.closesAt?.toISO(),
          opens: actual.opensAt?.toISO(),
        }).toEqual({
          at: at.toISO(),
          open: expected.open,
          closes: expected.closesAt?.toISO(),
          opens: expected.opensAt?.toISO(),
        });
      }
    }
  });

  it('say on a result card until when it is open, or when it opens next', () => {
    const desk = hoursOfSearchDoc(docs.get('desk')!);
    const text = (iso: string, locale: Locale = 'en') =>
      openBadgeText(ctxIn(locale), openState(desk, brussels(iso)), brussels(iso));
    expect(text('2026-12-07T10:00')).toBe('Open now · until 12:00');
    expect(text('2026-12-07T12:30')).toBe('Closed · opens today at 13:00');
    expect(text('2026-12-09T19:00')).toBe('Open now · until 21:00');
    expect(text('2026-12-11T12:30')).toBe('Closed · opens Monday at 09:00');
    expect(text('2026-12-11T12:30', 'fr')).toBe('Fermé · ouvre lundi à 09:00');
    expect(text('2026-12-11T12:30', 'nl')).toBe('Gesloten · opent maandag om 09:00');
    // Christmas Eve to Boxing Day closed, then a Sunday: Monday the 28th.
    expect(text('2026-12-23T17:30')).toBe('Closed · opens Monday at 09:00');
    const shelter = hoursOfSearchDoc(docs.get('shelter')!);
    expect(
      openBadgeText(
        ctxIn('en'),
        openState(shelter, brussels('2026-12-07T03:00')),
        brussels('2026-12-07T03:00'),
      ),
    ).toBe('Open now · until 08:00');
  });

  it('are unknown, not closed, for a service that publishes none', () => {
    expect(openState(hoursOfSearchDoc(docs.get('silent')!), brussels('2026-12-07T10:00')).known).toBe(false);
  });
});

describe('a search document’s phone', () => {
  it('is the service’s own number, else the organisation’s, never another service’s', () => {
    expect(docs.get('shelter')!.phone).toBe('0800 12 345');
    expect(docs.get('desk')!.phone).toBe('02 555 00 00');
    const withoutPhones = buildDocs({ ...snapshot, phones: snapshot.phones.slice(1) });
    expect(withoutPhones.find((d) => d.id === 'desk')!.phone).toBeNull();
  });
});
