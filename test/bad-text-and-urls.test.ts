// Text a form or the API may not carry (control characters anywhere, line breaks in a one-line
// field) and addresses that cannot be decoded: a clear, translated answer, nothing stored, no 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedPerson, type FormClient } from './helpers/form-client.ts';
import { memberOf, referralWorld, sql } from './helpers/referrals.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
let person: FormClient & { email: string };
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  person = await confirmedPerson(t.app, t.database, { locale: 'fr' });
});
afterAll(() => t.close());

const organisationsNamed = async (name: string) =>
  (await sql(t, `select count(*)::int n from organisations where name->>'fr' like $1`, [`${name}%`]))[0].n;

describe('control characters', () => {
  it('are refused in a one-line field, with the field named, in the reader’s language', async () => {
    for (const name of ['Bel\nEspoir', 'Bel\tEspoir', 'Bel\u0007Espoir', 'Bel\u0085Espoir']) {
      await person.get('/fr/organisations/new');
      const res = await person.post('/fr/organisations/new', {
        'name.fr': name,
        kind: 'citizen_initiative',
      });
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('Formulaire non valable');
      expect(res.body).toMatch(
        /« name\.fr » : Ce (champ doit tenir sur une ligne|texte contient des caractères de contrôle)/,
      );
    }
    // The same form sent as multipart (as an upload form is) meets the same rule.
    await person.get('/fr/organisations/new');
    const multipart = await person.upload(
      '/fr/organisations/new',
      { 'name.fr': 'Bel\u0007Espoir', kind: 'citizen_initiative' },
      { field: 'attachment', name: 'a.txt', type: 'text/plain', data: Buffer.from('x') },
    );
    expect(multipart.statusCode).toBe(400);
    // A body nested beyond any form's or API's shape is refused, not walked.
    const deep = await t.app.inject({
      method: 'POST',
      url: '/fr/login',
      headers: { 'content-type': 'application/json' },
      payload: `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    });
    expect(deep.statusCode).toBe(400);
    expect(await organisationsNamed('Bel')).toBe(0);
  });

  it('leave line breaks alone where a text may have several lines', async () => {
    await person.get('/fr/organisations/new');
    const res = await person.post('/fr/organisations/new', {
      'name.fr': 'Maison Bel Espoir',
      kind: 'citizen_initiative',
    });
    expect(res.statusCode).toBe(303);
    const id = /organisations\/([0-9a-f-]{36})\//.exec(String(res.headers.location))![1]!;
    await person.get(`/fr/manage/organisations/${id}/profile`);
    const saved = await person.post(`/fr/manage/organisations/${id}/profile`, {
      'name.fr': 'Maison Bel Espoir',
      'description.fr': 'Permanences le mardi.\r\nRepas le jeudi.',
      kind: 'citizen_initiative',
    });
    expect(saved.statusCode).toBe(303);
    const [row] = await sql(t, `select description->>'fr' d from organisations where id = $1`, [id]);
    expect(row.d).toContain('mardi.\r\nRepas');
    // But not a control character, even there.
    await person.get(`/fr/manage/organisations/${id}/profile`);
    const bell = await person.post(`/fr/manage/organisations/${id}/profile`, {
      'name.fr': 'Maison Bel Espoir',
      'description.fr': 'Permanences\u0000 le mardi.',
      kind: 'citizen_initiative',
    });
    expect(bell.statusCode).toBe(400);
  });

  it('are refused by the API with the field named, and nothing is stored', async () => {
    const world = await referralWorld(t);
    const admin = await memberOf(t, world.orgA, ['admin']);
    await admin.get(`/en/manage/organisations/${world.orgA}/api-tokens`);
    const page = await admin.post(`/en/manage/organisations/${world.orgA}/api-tokens`, { name: 'Texts' });
    const token = /<code class="token">(psl_[\w-]{43})<\/code>/.exec(page.body)![1]!;
    const before = (await sql(t, 'select count(*)::int n from referrals'))[0].n;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/referrals',
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'nl' },
      payload: {
        service_id: world.serviceB,
        person: { name: 'Sam\r\nBcc: x', languages: ['fr'], contact_channel: 'phone' },
        theme: world.themeB,
        need: 'Zoekt een woning.\nDringend.',
        urgency: 'normal',
        consent: { method: 'oral', purpose: 'Doorverwijzing', until: '2027-06-01' },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'VALIDATION_FAILED',
      // In the reader's language (asked for Dutch), as the form says it.
      fields: [
        {
          field: 'person.name',
          message: 'Dit veld moet op één regel staan: haal de regeleinden en tabs weg.',
        },
      ],
    });
    expect((await sql(t, 'select count(*)::int n from referrals'))[0].n).toBe(before);
  });
});

describe('addresses that cannot be decoded', () => {
  it('get the site’s 400 page in the reader’s language', async () => {
    for (const [url, title] of [
      ['/fr/organisations/%E0%A4%A', 'Adresse illisible'],
      ['/nl/services/%zz', 'Adres niet leesbaar'],
      ['/en/organisations/%', 'Address cannot be read'],
    ] as const) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain(title);
      // No hook ran before this page, so it sets the security headers itself.
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
    const api = await t.app.inject({
      url: '/api/v1/organisations/%E0%A4%A',
      headers: { 'accept-language': 'fr' },
    });
    expect(api.statusCode).toBe(400);
    expect(api.json().error).toBe('BAD_URL');
  });
});
