// Funding calls through the real HTTP app, as browsers without JavaScript: a moderator and a member
// of a verified organisation publish calls (dates in a time zone, stored as moments); the calendar
// in deadline order with its filters and search; "calls I can apply for" from an organisation's kind
// and KBO number; bad input refused in words with nothing stored; a member of an organisation the
// moderators have not verified cannot publish; following a call and asking for help with it (a
// request on the board); withdrawing; the iCalendar feeds (every call, and an organisation's followed
// calls at a private address).
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type Member, memberOf, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { expectRefused } from '../../../../test/helpers/refused.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();
const count = async (table = 'exchange_calls') =>
  (await sql(app.t, `select count(*)::int as n from ${table}`))[0].n as number;
/** A wall-clock time in Brussels `days` from now, as the form takes it. */
const inDays = (days: number, hour = 12) =>
  DateTime.now()
    .setZone('Europe/Brussels')
    .plus({ days })
    .set({ hour, minute: 0 })
    .toFormat("yyyy-MM-dd'T'HH:mm");

async function organisations(n: number): Promise<string[]> {
  return (await sql(app.t, 'select id from organisations order by provenance_id limit $1', [n])).map(
    (r) => r.id as string,
  );
}

const call = (overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  funder: 'vgc',
  'title.nl': 'Projectoproep buurtinitiatieven 2027',
  'summary.nl': 'Voor projecten die buren samenbrengen.',
  amount_min: '1000',
  amount_max: '15000',
  informal: 'yes',
  all_brussels: '1',
  opens_at: inDays(-1),
  closes_at: inDays(40),
  time_zone: 'Europe/Brussels',
  link: 'https://www.vgc.be/oproep',
  ...overrides,
});

async function publish(member: Member, form: Record<string, string | string[]>, locale = 'en') {
  await member.get(`/${locale}/exchange/calls/new`);
  const res = await member.post(`/${locale}/exchange/calls/new`, form);
  expect(res.statusCode, res.body.slice(0, 3000)).toBe(303);
  return /\/exchange\/calls\/([0-9a-f-]{36})\?done=published/.exec(res.headers.location as string)![1]!;
}

describe('funding calls', () => {
  it('moderators and verified organisations publish; the calendar lists by deadline, filters and searches', async () => {
    const [verified] = await organisations(1);
    await sql(app.t, `update organisations set verification = 'verified' where id = $1`, [verified]);
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const member = await memberOf(app.t, verified!, ['editor'], { locale: 'fr' });

    const later = await publish(moderator, call({ closes_at: inDays(60) }));
    const sooner = await publish(
      member,
      call({
        funder: 'cocof',
        'title.nl': '',
        'summary.nl': '',
        'title.fr': 'Appel à projets cohésion sociale',
        'summary.fr': 'Soutien aux associations de quartier.',
        informal: 'no',
        closes_at: inDays(20),
        time_zone: 'Europe/London',
      }),
      'fr',
    );
    // A wall-clock time in its zone, stored as a moment.
    const [row] = await sql(
      app.t,
      'select closes_at, time_zone, publisher_id, author_id from exchange_calls where id = $1',
      [sooner],
    );
    expect(row.time_zone).toBe('Europe/London');
    expect(row.publisher_id).toBe(verified);
    expect(row.author_id).toBe(member.id);
    const london = DateTime.fromISO(inDays(20), { zone: 'Europe/London' }).toJSDate();
    expect(new Date(row.closes_at).getTime()).toBe(london.getTime());
    const [{ publisher_id: modPublisher }] = await sql(
      app.t,
      'select publisher_id from exchange_calls where id = $1',
      [later],
    );
    expect(modPublisher).toBeNull();
    const audit = await sql(app.t, `select event from audit_log where subject_id = $1`, [sooner]);
    expect(audit.map((a) => a.event)).toContain('exchange.call_published');

    // The nearest deadline first.
    const calendar = await app.get('/en/exchange/calls');
    expect(calendar.statusCode).toBe(200);
    const at = (id: string) => calendar.body.indexOf(`/en/exchange/calls/${id}"`);
    expect(at(sooner)).toBeGreaterThan(-1);
    expect(at(later)).toBeGreaterThan(at(sooner));
    // Filters and words.
    const cocof = await app.get('/en/exchange/calls?funder=cocof');
    expect(cocof.body).toContain(sooner);
    expect(cocof.body).not.toContain(later);
    const informal = await app.get('/en/exchange/calls?informal=1');
    expect(informal.body).toContain(later);
    expect(informal.body).not.toContain(sooner);
    const words = await app.get(`/fr/exchange/calls?q=${encodeURIComponent('cohésion sociale')}`);
    expect(words.body).toContain(sooner);
    expect(words.body).not.toContain(later);
    const page = await app.get(`/fr/exchange/calls/${sooner}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Appel à projets cohésion sociale');
    expect(page.body).toContain('https://www.vgc.be/oproep');

    // The feed: each deadline as a moment in UTC.
    const feed = await app.get('/nl/exchange/calls.ics');
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    expect(feed.body).toContain(`UID:call-${sooner}@passerelle`);
    expect(feed.body).toContain(
      `DTSTART:${DateTime.fromJSDate(london).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}`,
    );
  });

  it('refuses bad input in words and stores nothing; an organisation not verified cannot publish', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    await moderator.get('/en/exchange/calls/new');
    const before = await count();
    const refuse = async (form: Record<string, string | string[]>, text: string) => {
      const res = await moderator.post('/en/exchange/calls/new', form);
      expectRefused(res, text);
      expect(await count()).toBe(before);
    };
    await refuse(
      call({ opens_at: inDays(10), closes_at: inDays(5) }),
      'The deadline must come after the opening.',
    );
    await refuse(
      call({ amount_min: '20000', amount_max: '5000' }),
      'The largest amount cannot be smaller than the smallest.',
    );
    await refuse(call({ 'title.nl': '', 'summary.nl': '' }), 'Give a title in at least one language.');
    await refuse(call({ link: 'javascript:alert(1)' }), 'starting with http:// or https://');
    await refuse(call({ link: 'ftp://example.org/call.pdf' }), 'starting with http:// or https://');
    // Zones luxon takes but the pages' date formatting does not (they broke the calendar).
    for (const time_zone of ['Mars/Olympus', 'local', 'system', 'UTC+5'])
      await refuse(call({ time_zone }), 'Give a time zone such as Europe/Brussels.');
    await refuse(call({ amount_min: '12.50' }), 'Give a whole number of euros');
    await refuse(
      call({ closes_at: '2020-01-01T12:00', opens_at: '2019-01-01T12:00' }),
      'This deadline has already passed.',
    );

    const [, , unverified] = await organisations(3);
    await sql(app.t, `update organisations set verification = 'unverified' where id = $1`, [unverified]);
    const member = await memberOf(app.t, unverified!, ['admin']);
    const form = await member.get('/en/exchange/calls/new');
    expect(form.body).toContain(
      'Only the moderators and organisations they have verified publish funding calls.',
    );
    const res = await member.post('/en/exchange/calls/new', call());
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Ask the moderators to verify your organisation.');
    const fr = await member.post('/fr/exchange/calls/new', call());
    expect(fr.body).toContain('Demandez aux modérateurs de vérifier votre organisation.');
    expect(await count()).toBe(before);
  });

  it('shows the calls an organisation can apply for, from its kind and KBO number', async () => {
    const [, group] = await organisations(2);
    await sql(app.t, `update organisations set kind = 'self_organisation', kbo_number = null where id = $1`, [
      group,
    ]);
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const open = await publish(moderator, call({ 'title.nl': 'Oproep voor iedereen in Brussel' }));
    const formalOnly = await publish(
      moderator,
      call({ 'title.nl': 'Oproep alleen voor vzw’s', informal: 'no' }),
    );
    const kbo = await publish(
      moderator,
      call({ 'title.nl': 'Oproep met ondernemingsnummer', kbo_required: '1' }),
    );
    const member = await memberOf(app.t, group!, ['referrer']);
    const mine = await member.get(`/en/exchange/calls?organisation=${group}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(open);
    expect(mine.body).not.toContain(formalOnly);
    expect(mine.body).not.toContain(kbo);
    // Someone else's organisation is not a filter (it is ignored).
    const stranger = await signedInPerson(app.t);
    const theirs = await stranger.get(`/en/exchange/calls?organisation=${group}`);
    expect(theirs.body).toContain(formalOnly);
  });

  it('an organisation follows a call and asks for help with it; the publisher withdraws it', async () => {
    const [orgA] = await organisations(1);
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const id = await publish(
      moderator,
      call({ 'title.nl': 'Oproep om te volgen', themes: ['social-support.interpreting'] }),
    );
    const member = await memberOf(app.t, orgA!, ['editor']);
    await member.get(`/en/exchange/calls/${id}`);
    const follow = await member.post(`/en/exchange/calls/${id}/follow`, { organisation: orgA! });
    expect(follow.statusCode).toBe(303);
    await member.post(`/en/exchange/calls/${id}/follow`, { organisation: orgA! });
    expect(
      await sql(app.t, 'select organisation_id from exchange_call_follows where call_id = $1', [id]),
    ).toEqual([{ organisation_id: orgA }]);
    const page = await member.get(`/en/exchange/calls/${id}`);
    expect(page.body).toContain('Stop following');
    // The organisation's private feed of the calls it follows: its address is on the page.
    const feedPath = /href="(\/en\/exchange\/calls\/organisations\/[^"]+)"/
      .exec(page.body)![1]!
      .replace(/&amp;/g, '&');
    const feed = await app.get(feedPath);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.headers['cache-control']).toBe('private, no-store');
    expect(feed.body).toContain(`UID:call-${id}@passerelle`);
    expect((await app.get(feedPath.replace(/token=.*/, 'token=guessed'))).statusCode).toBe(404);
    expect((await app.get(feedPath.replace(/\?token=.*/, ''))).statusCode).toBe(404);

    // Help: a request on the board, with the call's themes, until its deadline.
    const posts = await count('exchange_posts');
    await member.get(`/en/exchange/calls/${id}/help`);
    const empty = await member.post(`/en/exchange/calls/${id}/help`, { organisation: orgA!, 'title.en': '' });
    expectRefused(empty, 'Give a title in at least one language.');
    expect(await count('exchange_posts')).toBe(posts);
    expect(await count('exchange_call_help')).toBe(0);
    const asked = await member.post(`/en/exchange/calls/${id}/help`, {
      organisation: orgA!,
      'title.en': 'Looking for a writer for the VGC call',
      'body.en': 'We have the project, we need help with the file.',
    });
    expect(asked.statusCode, asked.body.slice(0, 2000)).toBe(303);
    const postId = /\/exchange\/([0-9a-f-]{36})\?done=posted/.exec(asked.headers.location as string)![1]!;
    const [post] = await sql(
      app.t,
      'select direction, kind, themes, until::text as until from exchange_posts where id = $1',
      [postId],
    );
    expect(post).toMatchObject({
      direction: 'request',
      kind: 'expertise',
      themes: ['social-support.interpreting'],
    });
    const [{ closes }] = await sql(
      app.t,
      `select (closes_at at time zone 'Europe/Brussels')::date::text as closes from exchange_calls where id = $1`,
      [id],
    );
    expect(post.until).toBe(closes);
    const callPage = await app.get(`/en/exchange/calls/${id}`);
    expect(callPage.body).toContain(`/en/exchange/${postId}`);
    // The request links back to the call.
    const helpPage = await app.get(`/fr/exchange/${postId}`);
    expect(helpPage.body).toContain('Aide demandée pour l’appel à projets');
    expect(helpPage.body).toContain(`/fr/exchange/calls/${id}`);

    // Only the publisher's members or a moderator withdraw it.
    const refused = await member.post(`/en/exchange/calls/${id}/withdraw`, {});
    expect(refused.statusCode).toBe(403);
    await moderator.get(`/en/exchange/calls/${id}`);
    const withdrawn = await moderator.post(`/en/exchange/calls/${id}/withdraw`, {});
    expect(withdrawn.statusCode).toBe(303);
    expect((await app.get(`/en/exchange/calls/${id}`)).statusCode).toBe(404);
    expect((await app.get('/en/exchange/calls')).body).not.toContain(id);
    expect((await app.get(`/fr/exchange/${postId}`)).body).not.toContain(`/fr/exchange/calls/${id}`);
  });

  it('an organisation whose verification was withdrawn withdraws its calls but no longer rewrites them', async () => {
    const [, , , , revoked] = await organisations(5);
    await sql(app.t, `update organisations set verification = 'verified' where id = $1`, [revoked]);
    const member = await memberOf(app.t, revoked!, ['admin']);
    const id = await publish(member, call({ 'title.nl': 'Oproep van een vertrouwde organisatie' }));
    await sql(app.t, `update organisations set verification = 'unverified' where id = $1`, [revoked]);
    const page = await member.get(`/en/exchange/calls/${id}`);
    expect(page.body).not.toContain(`/exchange/calls/${id}/edit"`);
    expect((await member.get(`/en/exchange/calls/${id}/edit`)).statusCode).toBe(403);
    const [{ version }] = await sql(app.t, 'select version from exchange_calls where id = $1', [id]);
    const edit = await member.post(`/en/exchange/calls/${id}/edit`, {
      ...call({ link: 'https://phishing.example.org/' }),
      version: String(version),
    });
    expect(edit.statusCode).toBe(403);
    expect(await sql(app.t, 'select link from exchange_calls where id = $1', [id])).toEqual([
      { link: 'https://www.vgc.be/oproep' },
    ]);
    await member.get(`/en/exchange/calls/${id}`);
    expect((await member.post(`/en/exchange/calls/${id}/withdraw`, {})).statusCode).toBe(303);
  });
});
