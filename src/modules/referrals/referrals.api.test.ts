// /api/v1/referrals with organisations' API tokens, and the figures for organisations and analysts.
import { describe, expect, it } from 'vitest';
import { inDays, sendReferral, useReferralWorld } from '../../../test/helpers/referrals.ts';

const world = useReferralWorld({
  adminA: { in: 'orgA', roles: ['admin'] },
  receiver: { in: 'orgB', roles: ['referrer'] },
});

async function createToken(name = 'Dossiersysteem'): Promise<string> {
  await world.adminA.get(`/en/manage/organisations/${world.orgA}/api-tokens`);
  const res = await world.adminA.post(`/en/manage/organisations/${world.orgA}/api-tokens`, { name });
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  return /<code class="token">(psl_[A-Za-z0-9_-]{43})<\/code>/.exec(res.body)![1]!;
}

const api = (token: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  world.t.app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload ? { payload } : {}),
  });

const newReferral = () => ({
  service_id: world.serviceB,
  person: { name: 'J.D.', languages: ['fr'], contact_channel: 'through_sender' },
  theme: world.themeB,
  need: 'Besoin d’un accompagnement pour un dossier de logement social.',
  urgency: 'routine',
  consent: { method: 'signed', purpose: 'Transmettre au service logement.', until: inDays(60) },
});

describe('API tokens', () => {
  it('are shown once, stored only as a hash, and stop working when revoked', async () => {
    const token = await createToken();
    const rows = await world.sql('select token_hash, prefix from api_tokens where organisation_id = $1', [
      world.orgA,
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.some((r) => token.startsWith(r.prefix))).toBe(true);
    const page = await world.adminA.get(`/en/manage/organisations/${world.orgA}/api-tokens`);
    expect(page.body).not.toContain(token);

    expect((await api(token, 'GET', '/api/v1/referrals')).statusCode).toBe(200);
    const [{ id }] = await world.sql('select id from api_tokens where token_hash = $1', [
      rows.find((r) => token.startsWith(r.prefix))!.token_hash,
    ]);
    await world.adminA.post(`/en/manage/organisations/${world.orgA}/api-tokens/${id}/revoke`, {});
    const refused = await api(token, 'GET', '/api/v1/referrals');
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: 'API_TOKEN_INVALID' });
  });

  it('refuses requests without a token or with a made-up one', async () => {
    expect((await api(null, 'GET', '/api/v1/referrals')).statusCode).toBe(401);
    // However the path is spelled.
    expect((await api(null, 'GET', '/api/v1/%72eferrals')).statusCode).toBe(401);
    const fake = `psl_${'a'.repeat(43)}`;
    const res = await api(fake, 'GET', '/api/v1/referrals');
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('refuses a token name that is empty, and creates nothing', async () => {
    await world.adminA.get(`/en/manage/organisations/${world.orgA}/api-tokens`);
    const [{ n: before }] = await world.sql('select count(*)::int n from api_tokens');
    const res = await world.adminA.post(`/en/manage/organisations/${world.orgA}/api-tokens`, { name: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Give the token a name');
    const [{ n: after }] = await world.sql('select count(*)::int n from api_tokens');
    expect(after).toBe(before);
  });
});

describe('/api/v1/referrals', () => {
  it('sends a referral as the token’s organisation, and follows its answer', async () => {
    const token = await createToken('CRM');
    const created = await api(token, 'POST', '/api/v1/referrals', newReferral());
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      from_organisation_id: world.orgA,
      to_organisation_id: world.orgB,
      status: 'sent',
      person: { name: 'J.D.', contact_channel: 'through_sender' },
    });
    expect(body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'send']);

    await world.receiver.get(`/en/referrals/${body.id}`);
    await world.receiver.post(`/en/referrals/${body.id}/accept`, {});
    const read = await api(token, 'GET', `/api/v1/referrals/${body.id}`);
    expect(read.json().status).toBe('accepted');
    const list = await api(token, 'GET', '/api/v1/referrals?direction=sent');
    expect(list.json().data.map((r: { id: string }) => r.id)).toContain(body.id);

    const completed = await api(token, 'POST', `/api/v1/referrals/${body.id}/actions/complete`, {
      outcome: 'came_back',
    });
    expect(completed.statusCode).toBe(200);
    expect(completed.json()).toMatchObject({ status: 'completed', outcome: 'came_back' });
    const audit = await world.sql(
      `select details from audit_log where subject_id = $1 and event = 'referral.complete'`,
      [body.id],
    );
    expect(audit[0].details.apiToken).toBeTruthy();
  });

  it('answers bad input with the fields at fault and creates nothing', async () => {
    const token = await createToken('Bad input');
    const [{ n: before }] = await world.sql('select count(*)::int n from referrals');
    const res = await api(token, 'POST', '/api/v1/referrals', {
      ...newReferral(),
      need: '85073003328',
      consent: { method: 'telepathy', purpose: '', until: 'tomorrow' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['need', 'consent_method', 'consent_purpose', 'consent_until']),
    );
    const { service_id: _, ...nowhere } = newReferral();
    const noTarget = await api(token, 'POST', '/api/v1/referrals', nowhere);
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json().fields[0].field).toBe('service');
    const [{ n: after }] = await world.sql('select count(*)::int n from referrals');
    expect(after).toBe(before);
  });

  it('does not show another organisation’s referrals', async () => {
    const token = await createToken('Other');
    const sender = await world.memberOf(world.orgC, ['referrer']);
    const id = await sendReferral(sender, { ...world, orgA: world.orgC });
    const res = await api(token, 'GET', `/api/v1/referrals/${id}`);
    expect(res.statusCode).toBe(404);
    expect((await api(token, 'POST', `/api/v1/referrals/${id}/actions/cancel`)).statusCode).toBe(404);
  });
});

describe('figures', () => {
  it('show an organisation its referrals sent and received, answer times and outcomes', async () => {
    const sender = await world.memberOf(world.orgA, ['referrer']);
    const id = await sendReferral(sender, world);
    await world.receiver.get(`/en/referrals/${id}`);
    await world.receiver.post(`/en/referrals/${id}/decline`, { reason: 'not_eligible' });
    const page = await world.receiver.get(`/en/manage/organisations/${world.orgB}/referrals`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/Declined: Not eligible<\/th><td>[1-9]/);
    expect(page.body).toContain('Time to first answer (median)');
    // Someone of another organisation does not see them.
    expect((await sender.get(`/en/manage/organisations/${world.orgB}/referrals`)).statusCode).toBe(404);
  });

  it('show analysts unmet needs with no count under 5, and nobody else', async () => {
    const sender = await world.memberOf(world.orgC, ['referrer']);
    const analyst = await world.memberOf(world.orgC, ['editor'], { platformRole: 'analyst' });
    // Last month: 6 declined for lack of capacity in one commune, 2 and 3 in two others, all decided then.
    const lastMonth = new Date();
    lastMonth.setUTCDate(1);
    lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
    lastMonth.setUTCDate(10);
    for (const [commune, count] of [
      ['21004', 6],
      ['21015', 2],
      ['21009', 3],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const id = await sendReferral(sender, { ...world, orgA: world.orgC }, { commune });
        await world.receiver.get(`/en/referrals/${id}`);
        await world.receiver.post(`/en/referrals/${id}/decline`, { reason: 'no_capacity' });
        await world.sql('update referrals set sent_at = $2, closed_at = $2 where id = $1', [id, lastMonth]);
      }
    }
    const page = await analyst.get('/en/analysis/referrals');
    expect(page.statusCode).toBe(200);
    const communes = /<table[^>]*>\s*<caption id="unmet-commune-caption">[\s\S]*?<\/table>/.exec(
      page.body,
    )![0];
    expect(communes).toMatch(/City of Brussels<\/th><td>([6-9]|\d\d)<\/td>/);
    expect(communes).toMatch(/Schaerbeek<\/th><td>fewer than 5<\/td>/);
    expect(page.body).toContain('<svg');
    // No cell anywhere on the page shows a count from 1 to 4.
    expect(page.body).not.toMatch(/<td>[1-4]<\/td>/);
    expect((await world.receiver.get('/en/analysis/referrals')).statusCode).toBe(404);
  });
});
