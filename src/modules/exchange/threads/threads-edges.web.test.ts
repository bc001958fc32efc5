// Threads at their edges, first written by a review as probes: who is mailed when, a member of both
// organisations, members who left, answers at the same moment, organisations and ids not one's own.
import { describe, expect, it } from 'vitest';
import { type Member, memberOf, sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { addDays, brusselsDay } from '../posts/dates.ts';

const app = useTestApp();
const inDays = (days: number) => addDays(brusselsDay(new Date()), days);

async function organisations(...kinds: string[]): Promise<string[]> {
  const rows = await sql(
    app.t,
    `select id from organisations o where not exists (select 1 from memberships m where m.organisation_id = o.id)
     order by provenance_id limit $1`,
    [kinds.length],
  );
  for (const [i, kind] of kinds.entries())
    await sql(app.t, 'update organisations set kind = $2 where id = $1', [rows[i]!.id, kind]);
  return rows.map((r) => r.id as string);
}

async function postRequest(member: Member, title = 'Cherchons une salle pour des cours'): Promise<string> {
  await member.get('/fr/exchange/new');
  const res = await member.post('/fr/exchange/new', {
    direction: 'request',
    kind: 'room_or_material',
    'title.fr': title,
    'body.fr': 'Le mercredi après-midi, pour douze personnes.',
    communes: ['21015'],
    until: inDays(30),
    informal: 'yes',
  });
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
  return /\/exchange\/([0-9a-f-]{36})\?done=posted/.exec(res.headers.location as string)![1]!;
}
const threadOf = (res: { headers: Record<string, unknown> }) =>
  /\/exchange\/threads\/([0-9a-f-]{36})\?done=sent/.exec(String(res.headers.location))![1]!;
const mailsTo = async (to: string) =>
  (
    await sql(app.t, `select count(*)::int as n from outbox where "to" = $1 and subject like '%Cherchons%'`, [
      to,
    ])
  )[0].n as number;

describe('threads at their edges', () => {
  it('mails the answering side’s colleagues too when the poster replies', async () => {
    const [a, b] = await organisations('formal', 'formal');
    const poster = await memberOf(app.t, a!, ['admin'], { locale: 'fr' });
    const helper = await memberOf(app.t, b!, ['admin'], { locale: 'fr' });
    const helperColleague = await memberOf(app.t, b!, ['editor'], { locale: 'fr' });
    const postId = await postRequest(poster);
    await helper.get(`/fr/exchange/${postId}`);
    const threadId = threadOf(
      await helper.post(`/fr/exchange/${postId}/answer`, { message: 'On peut aider' }),
    );
    await poster.get(`/fr/exchange/threads/${threadId}`);
    expect((await poster.post(`/fr/exchange/threads/${threadId}`, { message: 'Merci' })).statusCode).toBe(
      303,
    );
    expect(await mailsTo(helper.email)).toBe(1);
    // The colleague had no mail about this thread yet: the poster's reply is news to them.
    expect(await mailsTo(helperColleague.email)).toBe(1);
  });

  it('refuses a member of both organisations who answers the post of one for the other', async () => {
    const [a, b] = await organisations('formal', 'formal');
    const poster = await memberOf(app.t, a!, ['admin'], { locale: 'en' });
    const both = await memberOf(app.t, b!, ['admin'], { locale: 'en' });
    await sql(
      app.t,
      `insert into memberships (user_id, organisation_id, roles) values ($1, $2, '{editor}')`,
      [both.id, a],
    );
    const postId = await postRequest(poster);
    const page = await both.get(`/en/exchange/${postId}`);
    // The page offers them no answer form (it is their organisation's post), and the route agrees.
    expect(page.body).not.toContain('/answer"');
    const res = await both.post(`/en/exchange/${postId}/answer`, { organisation: b!, message: 'From B' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('your own organisation');
    expect(await sql(app.t, 'select 1 from exchange_threads where post_id = $1', [postId])).toEqual([]);
  });

  it('a member who left, and a member without a role, find nothing', async () => {
    const [a, b] = await organisations('formal', 'formal');
    const poster = await memberOf(app.t, a!, ['admin'], { locale: 'en' });
    const helper = await memberOf(app.t, b!, ['admin'], { locale: 'en' });
    const postId = await postRequest(poster);
    await helper.get(`/en/exchange/${postId}`);
    const threadId = threadOf(await helper.post(`/en/exchange/${postId}/answer`, { message: 'Hi' }));
    await sql(app.t, 'delete from memberships where user_id = $1', [helper.id]);
    expect((await helper.get(`/en/exchange/threads/${threadId}`)).statusCode).toBe(404);
    await helper.get('/en/exchange');
    expect((await helper.post(`/en/exchange/threads/${threadId}`, { message: 'still?' })).statusCode).toBe(
      404,
    );
    expect((await helper.get('/en/exchange/mine')).body).not.toContain('Cherchons');
  });

  it('two members of one organisation answering at once: one thread, no 500', async () => {
    const [a, b] = await organisations('formal', 'formal');
    const poster = await memberOf(app.t, a!, ['admin'], { locale: 'en' });
    const h1 = await memberOf(app.t, b!, ['admin'], { locale: 'en' });
    const h2 = await memberOf(app.t, b!, ['editor'], { locale: 'en' });
    const postId = await postRequest(poster);
    await Promise.all([h1.get(`/en/exchange/${postId}`), h2.get(`/en/exchange/${postId}`)]);
    const res = await Promise.all([
      h1.post(`/en/exchange/${postId}/answer`, { message: 'one' }),
      h2.post(`/en/exchange/${postId}/answer`, { message: 'two' }),
      h1.post(`/en/exchange/${postId}/answer`, { message: 'three' }),
    ]);
    expect(res.map((r) => r.statusCode)).toEqual([303, 303, 303]);
    expect(
      (await sql(app.t, 'select count(*)::int n from exchange_threads where post_id = $1', [postId]))[0].n,
    ).toBe(1);
    const audit = await sql(
      app.t,
      `select event from audit_log where subject_type = 'exchange_thread' and details->>'post' = $1 order by id`,
      [postId],
    );
    expect(audit.filter((e) => e.event === 'exchange.thread_started').length).toBe(1);
  });

  it('answering for an organisation one is not a member of, or a post id that is not one', async () => {
    const [a, b, c] = await organisations('formal', 'formal', 'formal');
    const poster = await memberOf(app.t, a!, ['admin'], { locale: 'en' });
    const helper = await memberOf(app.t, b!, ['admin'], { locale: 'en' });
    const postId = await postRequest(poster);
    await helper.get(`/en/exchange/${postId}`);
    const r = await helper.post(`/en/exchange/${postId}/answer`, { organisation: c!, message: 'x' });
    expect(r.statusCode).toBe(400);
    expect(
      (await sql(app.t, 'select count(*)::int n from exchange_threads where post_id = $1', [postId]))[0].n,
    ).toBe(0);
    const bad = await helper.post(`/en/exchange/00000000-0000-4000-8000-000000000009/answer`, {
      message: 'x',
    });
    expect(bad.statusCode).toBe(404);
    const noCsrf = await helper.post(`/en/exchange/${postId}/answer`, { message: 'x' }, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    const noCsrf2 = await helper.post(
      `/en/exchange/threads/00000000-0000-4000-8000-000000000009`,
      { message: 'x' },
      { csrf: false },
    );
    expect(noCsrf2.statusCode).toBe(403);
  });
});
