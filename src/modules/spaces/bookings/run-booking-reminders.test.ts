// The reminder the day before, against a real PostgreSQL: both sides of a confirmed booking are told
// once, each in their language; a request, a booking confirmed less than a day ahead and one further
// away are not.
import { describe, expect, it } from 'vitest';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import { publishRoom, roomOwner } from '../../../../test/helpers/spaces.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { runBookingReminders } from './run-booking-reminders.ts';

const app = useTestApp();
const hour = 3_600_000;

describe('the reminder the day before a booking', () => {
  it('tells the group and the owners once, and leaves requests and late confirmations alone', async () => {
    const owner = await roomOwner(app.t, 6);
    const room = await publishRoom(app.t, owner, { confirmation: 'approval' });
    const [{ id: group }] = await sql(
      app.t,
      'select id from organisations where id <> $1 order by provenance_id limit 1 offset 5',
      [owner.org],
    );
    const asker = await memberOf(app.t, group, ['referrer'], { locale: 'fr' });
    const now = new Date(Date.now() + 30 * 86_400_000);
    const booking = async (status: string, startsIn: number, decidedBefore: number) => {
      const start = new Date(now.getTime() + startsIn * hour);
      const [{ id }] = await sql(
        app.t,
        `insert into bookings (room_id, organisation_id, requested_by, period, attendees, status, decided_at, created_at)
         values ($1, $2, $3, tstzrange($4, $5), 4, $6, $7, $7) returning id`,
        [
          room,
          group,
          asker.id,
          start.toISOString(),
          new Date(start.getTime() + 2 * hour).toISOString(),
          status,
          new Date(start.getTime() - decidedBefore * hour).toISOString(),
        ],
      );
      return id as string;
    };
    const tomorrow = await booking('confirmed', 20, 72);
    await booking('requested', 21, 72);
    await booking('confirmed', 22, 3);
    await booking('confirmed', 30, 72);

    const mails = async (to: string) =>
      sql(
        app.t,
        `select subject, locale from outbox where "to" = $1 and text like '%/manage/organisations/%'`,
        [to],
      );
    const origin = 'http://passerelle.test';
    expect(await runBookingReminders(app.t.database.db, { now, origin })).toEqual({ reminded: 1 });
    const [toAsker] = await mails(asker.email);
    expect(toAsker).toMatchObject({ locale: 'fr' });
    expect(toAsker.subject).toMatch(/^Rappel : Salle de réunion, /);
    expect((await mails(owner.editor.email)).map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Reminder: Meeting room, /),
    ]);
    expect(
      await sql(app.t, 'select reminded_at is not null as done from bookings where id = $1', [tomorrow]),
    ).toEqual([{ done: true }]);
    // An hour later nothing is sent again.
    expect(
      await runBookingReminders(app.t.database.db, { now: new Date(now.getTime() + hour), origin }),
    ).toEqual({ reminded: 0 });
    expect(await mails(asker.email)).toHaveLength(1);
    const audit = await sql(app.t, `select event from audit_log where subject_id = $1`, [tomorrow]);
    expect(audit.map((r) => r.event)).toEqual(['spaces.booking_reminded']);
  });
});
