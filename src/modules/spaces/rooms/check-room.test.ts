// A room's description and weekly windows as the form gives them: the limits agree with their
// messages, and a window may run until midnight.
import { describe, expect, it } from 'vitest';
import { checkRoom, checkWeek, type RoomInput } from './check-room.ts';

const room: RoomInput = {
  name: { en: 'Hall' },
  locationId: '00000000-0000-4000-8000-000000000000',
  capacity: '20',
  minMinutes: '60',
  maxMinutes: '240',
  noticeHours: '24',
};

describe('checkRoom', () => {
  it('refuses a description over 2,000 characters with the 2,000 message', () => {
    expect(checkRoom({ ...room, description: { fr: 'x'.repeat(2000) } }).problems).toEqual([]);
    expect(checkRoom({ ...room, description: { fr: 'x'.repeat(2001) } }).problems).toEqual([
      { field: 'description.fr', message: 'too_long_2000', code: 'too_long_2000' },
    ]);
  });
});

describe('checkWeek', () => {
  it('takes 24:00, or 00:00 as the end, for a window until midnight', () => {
    for (const closes of ['24:00', '00:00'])
      expect(checkWeek({ 2: [{ opens: '22:00', closes }] })).toEqual({
        problems: [],
        windows: [{ days: [2], opens: '22:00', minutes: 120 }],
      });
  });

  it('still refuses 24:00 as an opening time, and 24:30 anywhere', () => {
    expect(checkWeek({ 2: [{ opens: '24:00', closes: '24:00' }] }).problems).toEqual([
      { field: 'd2w1', message: 'hours_time', code: 'hours_time' },
    ]);
    expect(checkWeek({ 2: [{ opens: '22:00', closes: '24:30' }] }).problems).toEqual([
      { field: 'd2w1', message: 'hours_time', code: 'hours_time' },
    ]);
  });
});
