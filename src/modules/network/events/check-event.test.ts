import { describe, expect, it } from 'vitest';
import { checkEvent, type EventInput, type EventWords } from './check-event.ts';

const place = '6b7c2a52-3d1e-4a57-9c1e-0c8f4a3b2d10';
const words: EventWords = {
  places: [{ id: place, communeNis: '21001' }],
  communes: ['21001', '21004'],
  languages: ['nl', 'fr', 'en', 'ar'],
  themes: ['housing', 'work'],
};
const good: EventInput = {
  kind: 'network_day',
  title: { nl: 'Netwerkdag', fr: 'Journée réseau' },
  description: { en: 'Meet the others.' },
  placeKind: 'place',
  locationId: place.toUpperCase(),
  startDate: '2027-03-18',
  startTime: '09:30',
  endTime: '16:00',
  capacity: '',
  languages: ['nl', 'fr'],
  themes: ['work'],
};
const codes = (input: Partial<EventInput>) =>
  checkEvent({ ...good, ...input }, words).problems.map((p) => `${p.field}:${p.code}`);

describe('checkEvent', () => {
  it('takes a good event: its place’s commune, Brussels time, no limit', () => {
    const { problems, value, dates } = checkEvent(good, words);
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      locationId: place,
      communeNis: '21001',
      capacity: null,
      rule: null,
      startsAt: new Date('2027-03-18T08:30:00Z'),
      endsAt: new Date('2027-03-18T15:00:00Z'),
      whoMayRegister: 'everyone',
    });
    expect(dates).toHaveLength(1);
  });

  it('refuses each bad field with its own code', () => {
    expect(codes({ endTime: '09:00' })).toEqual(['end_time:date_order']);
    expect(codes({ endTime: '09:35' })).toEqual(['end_time:event_length']);
    expect(codes({ startDate: '2027-02-30' })).toEqual(['start_date:event_time']);
    expect(codes({ startTime: '25:00' })).toEqual(['start_date:event_time']);
    expect(codes({ capacity: '0' })).toEqual(['capacity:event_capacity']);
    expect(codes({ capacity: '-3' })).toEqual(['capacity:event_capacity']);
    expect(codes({ capacity: '5001' })).toEqual(['capacity:event_capacity']);
    expect(codes({ title: { nl: '  ' } })).toEqual(['title:event_title']);
    expect(codes({ title: { en: 'x'.repeat(201) } })).toEqual(['title.en:too_long_200']);
    expect(codes({ kind: 'party' })).toEqual(['kind:choose_one']);
    expect(codes({ locationId: 'a-place-of-another' })).toEqual(['location:event_location']);
    expect(codes({ placeKind: 'address', address: 'Rue Haute 1', communeNis: '99999' })).toEqual([
      'commune:event_commune',
    ]);
    expect(codes({ placeKind: 'online', onlineUrl: 'javascript:alert(1)' })).toEqual([
      'online_url:url_invalid',
    ]);
    expect(codes({ placeKind: 'online', onlineUrl: '' })).toEqual(['online_url:event_online_url']);
    expect(codes({ repeat: 'weekly', ends: 'count', count: '10000' })).toEqual([
      'count:event_too_many_dates',
    ]);
    expect(codes({ languages: ['xx'] })).toEqual(['languages:choose_one']);
    expect(codes({ themes: ['<script>'] })).toEqual(['themes:choose_one']);
    expect(codes({ whoMayRegister: 'friends' })).toEqual(['who_may_register:choose_one']);
  });

  it('takes another address with a commune, and an online link, each without the other places', () => {
    const address = checkEvent(
      { ...good, placeKind: 'address', address: 'Rue Haute 1, 1000 Bruxelles', communeNis: '21004' },
      words,
    );
    expect(address.value).toMatchObject({
      locationId: null,
      address: 'Rue Haute 1, 1000 Bruxelles',
      communeNis: '21004',
      onlineUrl: null,
    });
    const online = checkEvent(
      { ...good, placeKind: 'online', onlineUrl: 'https://meet.example.org/abc' },
      words,
    );
    expect(online.value).toMatchObject({
      locationId: null,
      address: null,
      communeNis: null,
      onlineUrl: 'https://meet.example.org/abc',
    });
  });

  it('ends on another day when given, for a training over several days', () => {
    const { value, problems } = checkEvent({ ...good, endDate: '2027-03-20', endTime: '12:00' }, words);
    expect(problems).toEqual([]);
    expect(value?.endsAt).toEqual(new Date('2027-03-20T11:00:00Z'));
  });
});
