// What the other side of a booking hears, through the real HTTP app: the owners of a request, the
// group of the owners' answer or cancelling, each person in their own language and never the one
// who acted; and cancelling the dates of a room between two days, by the group (its own) or by the
// owners (everyone's, with a reason), one e-mail per organisation told.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import { nextWeek, publishRoom, roomOwner, tokenOf } from '../../../../test/helpers/spaces.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();

const post = (token: string, url: string, payload: object = {}, locale = 'en') =>
  app.t.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${token}`, 'accept-language': locale },
    payload,
  });

/** The e-mails about bookings to an address (they link to an organisation's pages), oldest first. */
const mailsTo = async (to: string) =>
  (await sql(
    app.t,
    `select subject, text, locale from outbox where "to" = $1 and text like '%/manage/organisations/%' order by created_at, id`,
    [to],
  )) as {
    subject: string;
    text: string;
    locale: string;
  }[];

/** Another organisation than the owner's, the n-th. */
async function otherOrganisation(owner: string, n = 0): Promise<string> {
  const rows = await sql(
    app.t,
    'select id from organisations where id <> $1 order by provenance_id limit 1 offset $2',
    [owner, n],
  );
  return rows[0].id;
}

/** A Brussels date `weeks` weeks after next week's day (1 = Monday). */
const weekDay = (day: number, weeks: number) =>
  DateTime.fromISO(nextWeek(day), { zone: 'Europe/Brussels' }).plus({ weeks }).toISODate()!;

describe('e-mails about a booking', () => {
  it('tell the owners of a request and the group of the answer, each in their language, never the one who acted', async () => {
    const owner = await roomOwner(app.t, 3);
    const dutchEditor = await memberOf(app.t, owner.org, ['editor'], { locale: 'nl' });
    const room = await publishRoom(app.t, owner, { confirmation: 'approval' });
    const group = await otherOrganisation(owner.org);
    const asker = await memberOf(app.t, group, ['referrer'], { locale: 'fr' });
    await asker.get(`/fr/rooms/${room}`);
    const ask = (date: string) =>
      asker.post(`/fr/rooms/${room}/bookings`, {
        organisation: group,
        date,
        start: '10:00',
        end: '11:00',
        attendees: '3',
      });
    expect((await ask(nextWeek(2))).statusCode).toBe(303);
    const [request] = await mailsTo(dutchEditor.email);
    expect(request).toMatchObject({ locale: 'nl' });
    expect(request!.subject).toMatch(/ vraagt /);
    expect(request!.text).toContain(`/nl/manage/organisations/${owner.org}/rooms#requests`);
    expect((await mailsTo(owner.editor.email)).map((m) => m.locale)).toEqual(['en']);
    expect(await mailsTo(asker.email)).toEqual([]);

    const [{ id: first }] = await sql(app.t, 'select id from bookings where room_id = $1', [room]);
    await dutchEditor.get(`/nl/manage/organisations/${owner.org}/rooms`);
    expect((await dutchEditor.post(`/nl/manage/bookings/${first}/approve`, {})).statusCode).toBe(303);
    const [approved] = await mailsTo(asker.email);
    expect(approved).toMatchObject({ locale: 'fr' });
    expect(approved!.subject).toMatch(/^Confirmé : /);
    expect(approved!.text).toContain('La réservation est confirmée.');
    expect(approved!.text).toContain(`/fr/manage/organisations/${group}/bookings`);
    // The editor who approved is not told; the other editor is not either (only the group is).
    expect(await mailsTo(dutchEditor.email)).toHaveLength(1);

    expect((await ask(nextWeek(3))).statusCode).toBe(303);
    const [{ id: second }] = await sql(
      app.t,
      `select id from bookings where room_id = $1 and status = 'requested'`,
      [room],
    );
    await owner.editor.get(`/en/manage/organisations/${owner.org}/rooms`);
    await owner.editor.post(`/en/manage/bookings/${second}/decline`, { reason: 'Fermé pour travaux.' });
    const declined = (await mailsTo(asker.email)).at(-1)!;
    expect(declined.subject).toMatch(/^Pas possible : /);
    expect(declined.text).toContain('Motif : Fermé pour travaux.');

    // The group cancels: the owners hear of it, in their languages.
    await asker.get(`/fr/manage/organisations/${group}/bookings`);
    expect((await asker.post(`/fr/manage/bookings/${first}/cancel`, {})).statusCode).toBe(303);
    expect((await mailsTo(dutchEditor.email)).at(-1)!.subject).toMatch(/^Geannuleerd door /);
    expect((await mailsTo(owner.editor.email)).at(-1)!.subject).toMatch(/^Cancelled by /);
    expect(await mailsTo(asker.email)).toHaveLength(2);
  });
});

describe('cancelling the dates of a room between two days', () => {
  it('lets a group cancel its own dates and the owners everyone’s, with a reason; one e-mail per organisation', async () => {
    const owner = await roomOwner(app.t, 4);
    const room = await publishRoom(app.t, owner, { confirmation: 'at_once' });
    const [groupA, groupB] = [await otherOrganisation(owner.org, 0), await otherOrganisation(owner.org, 1)];
    const [tokenA, tokenB, ownerToken] = [
      await tokenOf(app.t, groupA),
      await tokenOf(app.t, groupB),
      await tokenOf(app.t, owner.org),
    ];
    const memberB = await memberOf(app.t, groupB, ['referrer'], { locale: 'nl' });
    // Group A every Tuesday for six weeks; group B on the Wednesday of the third and the fifth week.
    const weekly = await post(tokenA, '/api/v1/bookings', {
      room_id: room,
      start: nextWeek(2, '10:00'),
      end: nextWeek(2, '12:00'),
      attendees: 5,
      until: weekDay(2, 5),
    });
    expect(weekly.json().booked).toHaveLength(6);
    for (const weeks of [2, 4])
      expect(
        (
          await post(tokenB, '/api/v1/bookings', {
            room_id: room,
            start: `${weekDay(3, weeks)}T10:00`,
            end: `${weekDay(3, weeks)}T12:00`,
            attendees: 5,
          })
        ).statusCode,
      ).toBe(201);
    const statuses = async () =>
      (
        await sql(
          app.t,
          `select organisation_id = $2 as a, status from bookings where room_id = $1 order by lower(period)`,
          [room, groupA],
        )
      ).map((r) => `${r.a ? 'A' : 'B'}:${r.status}`);
    const before = await statuses();
    const ownerMails = (await mailsTo(owner.editor.email)).length;

    // Bad ranges are refused in the reader's language, and nothing changes.
    const cancel = (token: string, body: object, locale = 'en') =>
      post(token, `/api/v1/rooms/${room}/bookings/cancel`, body, locale);
    const refusals: [string, object, string][] = [
      [
        tokenA,
        { from: weekDay(2, 3), to: weekDay(2, 2) },
        'De laatste dag komt voor de eerste. Kijk de data na.',
      ],
      [tokenA, { from: weekDay(2, 0), to: weekDay(2, 60) }, 'Kies hoogstens een jaar tegelijk.'],
      [tokenA, { from: 'soon', to: weekDay(2, 2) }, 'Vul een datum in, zoals 2027-07-01.'],
      [tokenA, { from: '2020-01-01', to: '2020-02-01' }, 'Die data zijn voorbij. Kies data die nog komen.'],
      [
        tokenA,
        { from: weekDay(4, 0), to: weekDay(4, 0) },
        'Er is geen reservatie om te annuleren op die data.',
      ],
      // Another organisation has no bookings of the room, and cancels nobody else's.
      [
        await tokenOf(app.t, await otherOrganisation(owner.org, 2)),
        { from: weekDay(1, 0), to: weekDay(7, 5) },
        'Er is geen reservatie om te annuleren op die data.',
      ],
      [
        ownerToken,
        { from: weekDay(1, 0), to: weekDay(7, 5) },
        'Zeg waarom u annuleert: de groepen lezen het.',
      ],
    ];
    for (const [token, body, message] of refusals) {
      const res = await cancel(token, body, 'nl');
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().fields.map((f: { message: string }) => f.message)).toEqual([message]);
    }
    const unknown = await post(tokenA, `/api/v1/rooms/00000000-0000-4000-8000-000000000000/bookings/cancel`, {
      from: weekDay(2, 0),
      to: weekDay(2, 1),
    });
    expect(unknown.statusCode).toBe(404);
    expect(await statuses()).toEqual(before);

    // Group A's summer break: the third and fourth Tuesdays. B's Wednesday in between stays.
    const mine = await cancel(tokenA, { from: weekDay(2, 2), to: weekDay(2, 3), reason: 'Vacances' });
    expect(mine.json()).toEqual({ room_id: room, cancelled: 2, by: 'asker' });
    expect(await statuses()).toEqual([
      'A:confirmed',
      'A:confirmed',
      'A:cancelled',
      'B:confirmed',
      'A:cancelled',
      'A:confirmed',
      'B:confirmed',
      'A:confirmed',
    ]);
    const told = (await mailsTo(owner.editor.email)).slice(ownerMails);
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toMatch(/^Cancelled by .+: 2 dates of Meeting room$/);
    expect(told[0]!.text).toContain('Their reason: Vacances');

    // The owners close the room for the fifth and sixth weeks, on their rooms page.
    await owner.editor.get(`/en/manage/organisations/${owner.org}/rooms`);
    const works = await owner.editor.post(`/en/manage/organisations/${owner.org}/bookings/cancel`, {
      room,
      from: weekDay(1, 4),
      to: weekDay(7, 5),
      reason: 'Painting the hall.',
    });
    expect(works.statusCode).toBe(303);
    expect(works.headers.location).toBe(
      `/en/manage/organisations/${owner.org}/rooms?done=cancel_range#requests`,
    );
    expect((await statuses()).slice(-3)).toEqual(['A:cancelled', 'B:cancelled', 'A:cancelled']);
    const toB = (await mailsTo(memberB.email)).at(-1)!;
    expect(toB.locale).toBe('nl');
    expect(toB.subject).toBe('Geannuleerd: 1 datum van Meeting room');
    expect(toB.text).toContain('Hun reden: Painting the hall.');
    // Group A asked with its token: its members hear it, once for both dates.
    const [{ email: adminA }] = await sql(
      app.t,
      `select u.email from users u join memberships m on m.user_id = u.id
       where m.organisation_id = $1 and m.roles = '{admin}'`,
      [groupA],
    );
    const toA = (await mailsTo(adminA)).filter((m) => m.subject.startsWith('Cancelled:'));
    expect(toA.map((m) => m.subject)).toEqual(['Cancelled: 2 dates of Meeting room']);
    const audit = await sql(
      app.t,
      `select details->>'by' as by, jsonb_array_length(details->'bookings') as n from audit_log
       where event = 'spaces.bookings_cancelled' and subject_id = $1 order by at`,
      [room],
    );
    expect(audit).toEqual([
      { by: 'asker', n: 2 },
      { by: 'owner', n: 3 },
    ]);
  });

  it('shows a refused range again on the page it came from, with what was typed', async () => {
    const owner = await roomOwner(app.t, 5);
    const room = await publishRoom(app.t, owner, { confirmation: 'at_once' });
    const page = await owner.editor.get(`/fr/manage/organisations/${owner.org}/rooms`);
    expect(page.body).toContain('Annuler plusieurs dates à la fois');
    const refused = await owner.editor.post(`/fr/manage/organisations/${owner.org}/bookings/cancel`, {
      room,
      from: weekDay(1, 1),
      to: weekDay(1, 0),
      reason: 'Travaux',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Le dernier jour vient avant le premier. Vérifiez les dates.');
    expect(refused.body).toContain(`value="${weekDay(1, 1)}"`);
    expect(refused.body).toContain('value="Travaux"');
    // Someone of another organisation has no such page.
    const stranger = await memberOf(app.t, await otherOrganisation(owner.org, 3), ['admin']);
    expect((await stranger.get(`/en/manage/organisations/${owner.org}/bookings`)).statusCode).toBe(404);
  });
});

describe('approving a weekly request at once', () => {
  it('confirms every waiting date but one another booking took meanwhile, and tells the group once', async () => {
    const owner = await roomOwner(app.t, 7);
    const room = await publishRoom(app.t, owner, { confirmation: 'approval' });
    const [group, other] = [await otherOrganisation(owner.org, 6), await otherOrganisation(owner.org, 7)];
    const [tokenGroup, tokenOther, ownerToken] = [
      await tokenOf(app.t, group),
      await tokenOf(app.t, other),
      await tokenOf(app.t, owner.org),
    ];
    const series = await post(tokenGroup, '/api/v1/bookings', {
      room_id: room,
      start: nextWeek(5, '18:00'),
      end: nextWeek(5, '20:00'),
      attendees: 5,
      until: weekDay(5, 3),
    });
    expect(series.json().booked).toHaveLength(4);
    // Another group asks for the third Friday too, and the owners approve that one first.
    const rival = await post(tokenOther, '/api/v1/bookings', {
      room_id: room,
      start: `${weekDay(5, 2)}T19:00`,
      end: `${weekDay(5, 2)}T21:00`,
      attendees: 5,
    });
    expect((await post(ownerToken, `/api/v1/bookings/${rival.json().id}/actions/approve`)).statusCode).toBe(
      200,
    );

    const list = await owner.editor.get(`/en/manage/organisations/${owner.org}/rooms`);
    expect(list.body.match(/Approve all 4 dates of this weekly request/g)).toHaveLength(1);
    const first = series.json().booked[0].id as string;
    // Only the owners decide: the group may not, a stranger finds nothing.
    const member = await memberOf(app.t, group, ['referrer']);
    await member.get(`/en/manage/organisations/${group}/bookings`);
    expect((await member.post(`/en/manage/bookings/${first}/approve-series`, {})).statusCode).toBe(403);
    const stranger = await memberOf(app.t, other, ['editor']);
    await stranger.get(`/en/manage/organisations/${other}/rooms`);
    expect((await stranger.post(`/en/manage/bookings/${first}/approve-series`, {})).statusCode).toBe(404);

    const done = await owner.editor.post(`/en/manage/bookings/${first}/approve-series`, {});
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(
      `/en/manage/organisations/${owner.org}/rooms?done=approve_series_taken#requests`,
    );
    const statuses = await sql(
      app.t,
      `select status from bookings where series_id = $1 order by lower(period)`,
      [series.json().series_id],
    );
    expect(statuses.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'requested', 'confirmed']);
    const [{ email: admin }] = await sql(
      app.t,
      `select u.email from users u join memberships m on m.user_id = u.id
       where m.organisation_id = $1 and m.roles = '{admin}'`,
      [group],
    );
    expect((await mailsTo(admin)).map((m) => m.subject)).toEqual(['Confirmed: Meeting room every week']);
    expect((await mailsTo(admin))[0]!.text).toContain('approved 3 dates of your weekly request');
    // Nothing is left to approve in one go: the one date left is taken.
    expect((await owner.editor.post(`/en/manage/bookings/${first}/approve-series`, {})).statusCode).toBe(409);
  });
});
