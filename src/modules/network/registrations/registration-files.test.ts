// The registration's calendar file, its dates as read in Brussels, and the organisers' CSV, without
// a server: times under the TZID are Brussels' wall-clock times in winter and in summer, the UID
// depends on the registration only, the online link is in the file only with a place, and names
// that start like formulas are quoted for spreadsheets.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../../http/request-context.ts';
import { translator } from '../../../i18n/index.ts';
import type { RegistrationListData } from './page-data.ts';
import { registrationIcs } from './registration-ics.ts';
import { whenText } from './registration-words.ts';
import { registrationsCsv } from './views/registrations-csv.ts';

const file = (over: Partial<Parameters<typeof registrationIcs>[0]> = {}) =>
  registrationIcs(
    {
      registrationId: '11111111-2222-4333-8444-555555555555',
      title: 'Journée réseau',
      start: new Date('2027-01-14T17:00:00Z'),
      end: new Date('2027-01-14T19:30:00Z'),
      status: 'confirmed',
      place: { address: null, onlineUrl: 'https://meet.example.org/x' },
      eventUrl: 'https://passerelle.test/fr/events/abc',
      description: 'Awa : place confirmée',
      ...over,
    },
    new Date('2027-01-01T00:00:00Z'),
  );

const vevent = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;

describe('the registration’s calendar file', () => {
  it('writes Brussels times under their TZID, with the zone’s rules, in winter and summer', () => {
    expect(file()).toContain('DTSTART;TZID=Europe/Brussels:20270114T180000');
    expect(file()).toContain('DTEND;TZID=Europe/Brussels:20270114T203000');
    const summer = file({ start: new Date('2027-07-01T16:00:00Z'), end: new Date('2027-07-01T18:00:00Z') });
    expect(summer).toContain('DTSTART;TZID=Europe/Brussels:20270701T180000');
    // ical.js, reading the file's own VTIMEZONE, finds the same moment.
    const calendar = new ICAL.Component(ICAL.parse(summer));
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    const start = calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.convertToZone(ICAL.Timezone.utcTimezone).toString()).toBe('2027-07-01T16:00:00Z');
    expect(zone.tzid).toBe('Europe/Brussels');
  });

  it('keeps its UID, links back to the event, and shows the online link only with a place', () => {
    const confirmed = vevent(file());
    expect(confirmed.getFirstPropertyValue('uid')).toBe(
      'registration-11111111-2222-4333-8444-555555555555@passerelle',
    );
    expect(confirmed.getFirstPropertyValue('url')).toBe('https://passerelle.test/fr/events/abc');
    expect(confirmed.getFirstPropertyValue('location')).toBe('https://meet.example.org/x');
    expect(confirmed.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const waiting = vevent(file({ status: 'waitlisted' }));
    expect(waiting.getFirstPropertyValue('location')).toBeNull();
    expect(waiting.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(vevent(file({ status: 'cancelled' })).getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(waiting.getFirstPropertyValue('uid')).toBe(confirmed.getFirstPropertyValue('uid'));
  });
});

describe('dates as people read them', () => {
  it('says the day and both times in Brussels, in the reader’s language', () => {
    const date = { startsAt: new Date('2027-01-14T17:00:00Z'), endsAt: new Date('2027-01-14T19:30:00Z') };
    expect(whenText('fr', date)).toBe('jeudi 14 janvier 2027, 18:00–20:30');
    expect(whenText('nl', date)).toBe('donderdag 14 januari 2027, 18:00–20:30');
    const twoDays = { startsAt: date.startsAt, endsAt: new Date('2027-01-15T15:00:00Z') };
    expect(whenText('fr', twoDays)).toBe('jeudi 14 janvier 2027, 18:00 – vendredi 15 janvier 2027, 16:00');
  });
});

describe('the organisers’ CSV', () => {
  it('quotes fields per RFC 4180 and never lets a cell start a formula', () => {
    const ctx = { locale: 'en', t: translator('en') } as PageContext;
    const person = (name: string, email: string, status: 'confirmed' | 'waitlisted') => ({
      name,
      email,
      status,
      placedAt: new Date('2027-01-02T10:00:00Z'),
      createdAt: new Date('2027-01-02T10:00:00Z'),
    });
    const data: RegistrationListData = {
      event: {
        id: 'e',
        organisationId: 'o',
        title: { en: 'Day' },
        capacity: 1,
        whoMayRegister: 'everyone',
        status: 'published',
      },
      dates: [
        {
          id: 'd',
          startsAt: new Date('2027-01-14T17:00:00Z'),
          endsAt: new Date('2027-01-14T19:00:00Z'),
          confirmed: 1,
          waitlisted: 3,
          unconfirmed: 0,
          people: [
            person('Ana', 'ana@example.org', 'confirmed'),
            person('=1+1', '+32@example.org', 'waitlisted'),
            person('@SUM(A1)', '-x@example.org', 'waitlisted'),
            person('Line\nbreak, "quoted"', 'b@example.org', 'waitlisted'),
          ],
        },
      ],
    };
    const lines = registrationsCsv(ctx, data)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines).toEqual([
      'Date,Status,No.,Name,E-mail,Registered on',
      '2027-01-14 18:00,place confirmed,,Ana,ana@example.org,2027-01-02 11:00',
      "2027-01-14 18:00,on the waiting list,1,'=1+1,'+32@example.org,2027-01-02 11:00",
      "2027-01-14 18:00,on the waiting list,2,'@SUM(A1),'-x@example.org,2027-01-02 11:00",
      '2027-01-14 18:00,on the waiting list,3,"Line\nbreak, ""quoted""",b@example.org,2027-01-02 11:00',
      '',
    ]);
  });
});
