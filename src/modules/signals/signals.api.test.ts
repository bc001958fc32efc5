// POST /api/v1/signals with an organisation's API token, through the real HTTP app: published at
// once for the token's organisation, checked as the form is, and nothing stored when refused.
import { describe, expect, it } from 'vitest';
import { memberOf, sql } from '../../../test/helpers/members.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';

const app = useTestApp();

async function tokenOf(org: string): Promise<string> {
  const admin = await memberOf(app.t, org, ['admin']);
  await admin.get(`/en/manage/organisations/${org}/api-tokens`);
  const res = await admin.post(`/en/manage/organisations/${org}/api-tokens`, { name: 'Case system' });
  return /<code class="token">(psl_[A-Za-z0-9_-]{43})<\/code>/.exec(res.body)![1]!;
}

const post = (token: string | null, payload: object) =>
  app.t.app.inject({
    method: 'POST',
    url: '/api/v1/signals',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'accept-language': 'fr' },
    payload,
  });

const signal = {
  themes: ['housing'],
  commune: '21015',
  target_group: 'newcomers',
  people: '21_100',
  seen_on: '2026-11-15',
  note: 'Many newcomers ask where to sleep after 22:00.',
};
const count = async () => (await sql(app.t, 'select count(*)::int as n from need_signals'))[0].n as number;

describe('POST /api/v1/signals', () => {
  it('publishes a signal for the token’s organisation', async () => {
    const [{ id: org }] = await sql(app.t, 'select id from organisations order by provenance_id limit 1');
    const res = await post(await tokenOf(org), { ...signal, latitude: 50.8675, longitude: 4.3777 });
    expect(res.statusCode).toBe(201);
    const { id, status } = res.json();
    expect(status).toBe('published');
    const [row] = await sql(app.t, 'select * from need_signals where id = $1', [id]);
    expect(row).toMatchObject({
      organisation_id: org,
      origin: 'api',
      status: 'published',
      commune_nis: '21015',
    });
    expect(row.api_token_id).not.toBeNull();
  });

  it('refuses a missing or wrong token, and bad input with the reasons, storing nothing', async () => {
    const [{ id: org }] = await sql(
      app.t,
      'select id from organisations order by provenance_id limit 1 offset 1',
    );
    const token = await tokenOf(org);
    const before = await count();
    const anonymous = await post(null, signal);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await post(`psl_${'a'.repeat(43)}`, signal)).statusCode).toBe(401);

    const refused = await post(token, {
      ...signal,
      themes: ['astrology'],
      quartier: 99999,
      seen_on: '1999-01-01',
    });
    expect(refused.statusCode).toBe(400);
    // Each field with its message in the reader's language (here French).
    expect(refused.json().fields).toEqual([
      { field: 'themes', message: 'Choisissez un ou plusieurs thèmes dans la liste.' },
      { field: 'quartier', message: 'Choisissez un quartier dans la liste.' },
      { field: 'seen_on', message: 'Donnez une date à partir de l’an 2000.' },
    ]);
    const shape = await post(token, { ...signal, people: 'twelve', name: 'Fatima' });
    expect(shape.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await app.get('/api/docs/json')).json();
    expect(doc.paths['/api/v1/signals'].post.tags).toEqual(['signals']);
    expect(doc.paths['/api/v1/signals'].post.security).toEqual([{ apiToken: [] }]);
  });
});
