// Organisations managed by their own people, through the real HTTP app: registering, claiming,
// inviting, roles, leaving, and what others cannot see or do.
import { describe, expect, it } from 'vitest';
import {
  confirmedPerson,
  FormClient,
  lastMailTo,
  newAddress,
  pathOf,
} from '../../../test/helpers/form-client.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';

const shared = useTestApp({ demo: false });

const person = (options: Parameters<typeof confirmedPerson>[2] = {}) =>
  confirmedPerson(shared.t.app, shared.t.database, options);

async function register(client: FormClient, fields: Record<string, string>) {
  await client.get('/en/organisations/new');
  return client.post('/en/organisations/new', fields);
}

async function registered(client: FormClient, name = `Buurtkeuken ${Date.now()}`): Promise<string> {
  const res = await register(client, { 'name.nl': name, kind: 'citizen_initiative' });
  expect(res.statusCode).toBe(303);
  return /organisations\/([0-9a-f-]{36})\/members/.exec(res.headers.location as string)![1]!;
}

async function rolesOf(organisationId: string): Promise<Record<string, string[]>> {
  const { rows } = await shared.t.database.pool.query(
    'select u.email, m.roles::text[] as roles from memberships m join users u on u.id = m.user_id where m.organisation_id = $1',
    [organisationId],
  );
  return Object.fromEntries(rows.map((r) => [r.email, r.roles]));
}

async function userId(email: string): Promise<string> {
  const { rows } = await shared.t.database.pool.query('select id from users where email = $1', [email]);
  return rows[0].id;
}

describe('registering an organisation', () => {
  it('creates an unverified listing, confirmed today, with the person as its admin', async () => {
    const amina = await person();
    const res = await register(amina, {
      'name.nl': 'Buurtkeuken De Pollepel',
      'name.fr': 'Cuisine de quartier La Louche',
      kind: 'formal',
      kbo_number: '0203.071.973',
      website: 'pollepel.example.org',
    });
    expect(res.statusCode).toBe(303);
    const id = /organisations\/([0-9a-f-]{36})\/members/.exec(res.headers.location as string)![1]!;
    const { rows } = await shared.t.database.pool.query(
      'select name, kind, kbo_number, verification, last_confirmed_at, website, provenance_source from organisations where id = $1',
      [id],
    );
    expect(rows[0]).toMatchObject({
      name: { nl: 'Buurtkeuken De Pollepel', fr: 'Cuisine de quartier La Louche' },
      kind: 'formal',
      kbo_number: '0203071973',
      verification: 'unverified',
      website: 'https://pollepel.example.org',
      provenance_source: 'passerelle',
    });
    expect(rows[0].last_confirmed_at).toBeTruthy();
    expect(await rolesOf(id)).toEqual({ [amina.email]: ['admin'] });
    const page = await amina.get(res.headers.location as string);
    expect(page.body).toContain('The organisation is registered. You are its admin.');
  });

  it('refuses a listing without a name, a formal one without a number and a bad number, and creates nothing', async () => {
    const amina = await person({ locale: 'fr' });
    const { rows: before } = await shared.t.database.pool.query('select count(*)::int n from organisations');
    await amina.get('/fr/organisations/new');
    const res = await amina.post('/fr/organisations/new', { kind: 'formal', website: 'not a site' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Indiquez le nom dans au moins une langue.');
    expect(res.body).toContain('Une organisation formelle a un numéro d’entreprise.');
    expect(res.body).toContain('Ce n’est pas une adresse web');
    await amina.get('/fr/organisations/new');
    const bad = await amina.post('/fr/organisations/new', {
      'name.fr': 'ASBL Test',
      kind: 'formal',
      kbo_number: '0203.071.974',
    });
    expect(bad.body).toContain('Ce n’est pas un numéro d’entreprise valide');
    expect(bad.body).toContain('value="ASBL Test"');
    const { rows: after } = await shared.t.database.pool.query('select count(*)::int n from organisations');
    expect(after[0].n).toBe(before[0].n);
  });

  it('asks for a confirmed address first', async () => {
    const client = new FormClient(shared.t.app);
    const email = newAddress();
    await client.submit('/en/signup', '/en/signup', {
      name: 'Unconfirmed',
      email,
      password: 'groene fiets onder de brug',
    });
    await client.submit('/en/login', '/en/login', { email, password: 'groene fiets onder de brug' });
    const res = await register(client, { 'name.en': 'Not yet', kind: 'citizen_initiative' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Confirm your e-mail address first');
  });

  it('sends a visitor to the log-in page first', async () => {
    const res = await shared.t.app.inject('/nl/organisations/new');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/nl/login?next=%2Fnl%2Forganisations%2Fnew');
  });
});

describe('claiming a listing', () => {
  it('goes to the admins, who approve it; the claimant becomes admin and is told', async () => {
    const admin = await person();
    const orgId = await registered(admin);
    const claimant = await person({ locale: 'nl' });
    await claimant.get(`/nl/organisations/${orgId}/claim`);
    const empty = await claimant.post(`/nl/organisations/${orgId}/claim`, { message: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Zeg kort wie u bent voor deze organisatie.');
    const sent = await claimant.post(`/nl/organisations/${orgId}/claim`, {
      message: 'Coördinator sinds 2021',
    });
    expect(sent.body).toContain('Uw vraag is verstuurd.');
    expect((await lastMailTo(shared.t.database, admin.email))?.subject).toMatch(
      /^Someone asks to manage Buurtkeuken/,
    );

    const members = await admin.get(`/en/manage/organisations/${orgId}/members`);
    expect(members.body).toContain('Coördinator sinds 2021');
    const claimId = /\/claims\/([0-9a-f-]{36})\/approve/.exec(members.body)![1]!;

    // Someone else cannot decide it, nor learn that it exists.
    const stranger = await person();
    await stranger.get('/en/my/organisations');
    expect((await stranger.post(`/en/claims/${claimId}/approve`, {})).statusCode).toBe(404);

    const approved = await admin.post(`/en/claims/${claimId}/approve`, {
      back: `/en/manage/organisations/${orgId}/members`,
    });
    expect(approved.headers.location).toBe(`/en/manage/organisations/${orgId}/members?done=approved`);
    expect((await rolesOf(orgId))[claimant.email]).toEqual(['admin']);
    expect((await lastMailTo(shared.t.database, claimant.email))?.subject).toMatch(
      /^U beheert nu Buurtkeuken/,
    );

    await admin.get(`/en/manage/organisations/${orgId}/members`);
    const again = await admin.post(`/en/claims/${claimId}/reject`, {});
    expect(again.statusCode).toBe(409);
  });

  it('decides a claim once when two admins answer at the same moment', async () => {
    const first = await person();
    const orgId = await registered(first);
    const second = await person();
    await shared.t.database.pool.query(
      `insert into memberships (user_id, organisation_id, roles) values ($1, $2, '{admin}')`,
      [await userId(second.email), orgId],
    );
    const claimant = await person();
    await claimant.submit(`/en/organisations/${orgId}/claim`, `/en/organisations/${orgId}/claim`, {
      message: 'Volunteer',
    });
    const { rows } = await shared.t.database.pool.query(`select id from claims where organisation_id = $1`, [
      orgId,
    ]);
    await first.get('/en/my/organisations');
    await second.get('/en/my/organisations');
    const results = await Promise.all([
      first.post(`/en/claims/${rows[0].id}/approve`, {}),
      second.post(`/en/claims/${rows[0].id}/reject`, {}),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([303, 409]);
    expect(results.find((r) => r.statusCode === 409)!.body).toContain(
      'Someone else has just changed or decided this.',
    );
  });
});

describe('members and roles', () => {
  it('invites by e-mail; only the invited address can accept', async () => {
    const admin = await person();
    const orgId = await registered(admin);
    const inviteeEmail = newAddress('invitee');
    await admin.get(`/en/manage/organisations/${orgId}/members`);
    const bad = await admin.post(`/en/manage/organisations/${orgId}/invitations`, { email: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('This is not an e-mail address');
    expect(bad.body).toContain('Choose at least one role.');
    await admin.get(`/en/manage/organisations/${orgId}/members`);
    const sent = await admin.post(`/en/manage/organisations/${orgId}/invitations`, {
      email: inviteeEmail,
      roles: 'editor',
    });
    expect(sent.headers.location).toContain('done=invited');
    const link = pathOf((await lastMailTo(shared.t.database, inviteeEmail))!.link!);

    const wrongPerson = await person();
    const refused = await wrongPerson.get(link);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('This invitation is for another e-mail address.');

    const invitee = await person({ email: inviteeEmail });
    const joined = await invitee.get(link);
    expect(joined.headers.location).toBe(`/en/manage/organisations/${orgId}/members?done=joined`);
    expect((await rolesOf(orgId))[inviteeEmail]).toEqual(['editor']);
    expect((await invitee.get(link)).statusCode).toBe(400);
  });

  it('keeps at least one admin: no last admin can step down or leave', async () => {
    const admin = await person();
    const orgId = await registered(admin);
    const adminId = await userId(admin.email);
    await admin.get(`/en/manage/organisations/${orgId}/members`);
    const down = await admin.post(`/en/manage/organisations/${orgId}/members/${adminId}/roles`, {
      roles: 'editor',
    });
    expect(down.statusCode).toBe(409);
    expect(down.body).toContain('An organisation always keeps at least one admin.');
    await admin.get(`/en/manage/organisations/${orgId}/members`);
    expect((await admin.post(`/en/manage/organisations/${orgId}/leave`, {})).statusCode).toBe(409);
    expect(await rolesOf(orgId)).toEqual({ [admin.email]: ['admin'] });
  });

  it('lets exactly one of two admins remove the other at the same moment', async () => {
    const a = await person();
    const orgId = await registered(a);
    const b = await person();
    const [aId, bId] = [await userId(a.email), await userId(b.email)];
    await shared.t.database.pool.query(
      `insert into memberships (user_id, organisation_id, roles) values ($1, $2, '{admin}')`,
      [bId, orgId],
    );
    await a.get(`/en/manage/organisations/${orgId}/members`);
    await b.get(`/en/manage/organisations/${orgId}/members`);
    const results = await Promise.all([
      a.post(`/en/manage/organisations/${orgId}/members/${bId}/remove`, {}),
      b.post(`/en/manage/organisations/${orgId}/members/${aId}/remove`, {}),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    // The second sees the first's change: removing would leave no admin, or it is no longer one.
    expect(codes[0]).toBe(303);
    expect([403, 409]).toContain(codes[1]);
    expect(Object.keys(await rolesOf(orgId))).toHaveLength(1);
  });

  it('hides an organisation’s members from others and refuses their changes', async () => {
    const admin = await person();
    const orgId = await registered(admin);
    const adminId = await userId(admin.email);
    const other = await person();
    expect((await other.get(`/en/manage/organisations/${orgId}/members`)).statusCode).toBe(404);
    await other.get('/en/my/organisations');
    expect(
      (await other.post(`/en/manage/organisations/${orgId}/members/${adminId}/roles`, { roles: 'referrer' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await other.post(`/en/manage/organisations/${orgId}/members/${adminId}/remove`, {})).statusCode,
    ).toBe(403);
    expect(
      (
        await other.post(`/en/manage/organisations/${orgId}/invitations`, {
          email: newAddress(),
          roles: 'admin',
        })
      ).statusCode,
    ).toBe(403);
    expect(await rolesOf(orgId)).toEqual({ [admin.email]: ['admin'] });
  });

  it('records role changes, removals and departures in the audit log', async () => {
    const admin = await person();
    const orgId = await registered(admin);
    const member = await person();
    const memberId = await userId(member.email);
    await shared.t.database.pool.query(
      `insert into memberships (user_id, organisation_id, roles) values ($1, $2, '{editor}')`,
      [memberId, orgId],
    );
    await admin.get(`/en/manage/organisations/${orgId}/members`);
    await admin.post(`/en/manage/organisations/${orgId}/members/${memberId}/roles`, {
      roles: ['editor', 'referrer'],
    } as never);
    expect((await rolesOf(orgId))[member.email]).toEqual(['editor', 'referrer']);
    await member.get(`/en/manage/organisations/${orgId}/members`);
    expect((await member.post(`/en/manage/organisations/${orgId}/leave`, {})).headers.location).toBe(
      '/en/my/organisations',
    );
    const { rows } = await shared.t.database.pool.query(
      `select event, details from audit_log where subject_id = $1 order by id`,
      [orgId],
    );
    expect(rows.map((r) => r.event)).toEqual([
      'organisation.registered',
      'membership.role_changed',
      'membership.left',
    ]);
    expect(rows[1].details).toMatchObject({ before: ['editor'], after: ['editor', 'referrer'] });
  });
});
