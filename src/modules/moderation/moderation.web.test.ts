// Trust through the real HTTP app: reports from visitors, the moderators' queue, verification,
// vouching, and the audit log for platform admins only.
import { describe, expect, it } from 'vitest';
import { confirmedPerson, FormClient } from '../../../test/helpers/form-client.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';

const shared = useTestApp({ demo: false });

async function organisation(
  name: string,
  kind = 'citizen_initiative',
  verification = 'unverified',
): Promise<string> {
  const { rows } = await shared.t.database.pool.query(
    `insert into organisations (name, kind, verification, provenance_source) values ($1, $2, $3, 'passerelle') returning id`,
    [{ en: name }, kind, verification],
  );
  return rows[0].id;
}

async function person(platformRole = 'member') {
  const client = await confirmedPerson(shared.t.app, shared.t.database);
  await shared.t.database.pool.query('update users set platform_role = $2 where email = $1', [
    client.email,
    platformRole,
  ]);
  return client;
}

async function adminOf(client: { email: string }, organisationId: string) {
  await shared.t.database.pool.query(
    `insert into memberships (user_id, organisation_id, roles) select id, $2, '{admin}' from users where email = $1`,
    [client.email, organisationId],
  );
}

describe('reports', () => {
  it('takes a report from a visitor, refuses a bad one, limits floods, and queues it for moderators', async () => {
    const id = await organisation(`Reported ${Date.now()}`);
    const visitor = new FormClient(shared.t.app);
    await visitor.get(`/fr/organisations/${id}/report`);
    const bad = await visitor.post(`/fr/organisations/${id}/report`, { reason: 'because' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choisissez-en un.');
    const { rows: none } = await shared.t.database.pool.query(
      'select count(*)::int n from reports where organisation_id = $1',
      [id],
    );
    expect(none[0].n).toBe(0);

    const ok = await visitor.post(`/fr/organisations/${id}/report`, {
      reason: 'wrong_hours',
      message: 'Fermé le mardi.',
    });
    expect(ok.body).toContain('Merci.');
    for (let i = 0; i < 4; i++) {
      await visitor.get(`/fr/organisations/${id}/report`);
      await visitor.post(`/fr/organisations/${id}/report`, { reason: 'other' });
    }
    await visitor.get(`/fr/organisations/${id}/report`);
    const flood = await visitor.post(`/fr/organisations/${id}/report`, { reason: 'other' });
    expect(flood.statusCode).toBe(429);
    expect(flood.body).toContain('Trop de tentatives.');

    const member = await person();
    expect((await member.get('/en/moderation')).statusCode).toBe(404);
    const moderator = await person('moderator');
    const queue = await moderator.get('/en/moderation');
    expect(queue.body).toContain('Fermé le mardi.');
    expect(queue.body).toContain('The opening hours are wrong');
    const reportId = new RegExp(`/en/moderation/reports/([0-9a-f-]{36})/resolve`).exec(queue.body)![1]!;
    expect(
      (await member.post(`/en/moderation/reports/${reportId}/resolve`, { _csrf: moderator.csrfToken() }))
        .statusCode,
    ).toBe(403);
    const resolved = await moderator.post(`/en/moderation/reports/${reportId}/resolve`, {});
    expect(resolved.headers.location).toBe('/en/moderation?done=resolved');
    expect((await moderator.get('/en/moderation')).body).not.toContain(
      `/moderation/reports/${reportId}/resolve`,
    );
    const audit = await shared.t.database.pool.query(
      `select event, actor_id from audit_log where subject_type = 'report' and subject_id = $1`,
      [reportId],
    );
    expect(audit.rows.map((r) => r.event)).toEqual(['report.resolved']);
    // Resolved already: nothing left to resolve, and no second entry.
    expect((await moderator.post(`/en/moderation/reports/${reportId}/resolve`, {})).statusCode).toBe(404);
  });
});

/** The vouches for a group, and its audit entries of one event. */
async function vouchesOf(group: string, event: string) {
  const { rows } = await shared.t.database.pool.query(
    `select (select count(*)::int from vouches where organisation_id = $1::uuid) as vouches,
            (select count(*)::int from audit_log where event = $2 and subject_id = $1::text) as audits`,
    [group, event],
  );
  return rows[0];
}

describe('verification and vouching', () => {
  it('lets only moderators verify, shows the badge, and records it', async () => {
    const id = await organisation(`New group ${Date.now()}`);
    const member = await person();
    await member.get('/en/my/organisations');
    expect(
      (await member.post(`/en/moderation/organisations/${id}/verify`, { verified: '1' })).statusCode,
    ).toBe(404);
    const moderator = await person('moderator');
    const queue = await moderator.get('/en/moderation');
    expect(queue.body).toContain(`/en/moderation/organisations/${id}/verify`);
    await moderator.post(`/en/moderation/organisations/${id}/verify`, { verified: '1' });
    const { rows } = await shared.t.database.pool.query(
      'select verification, verified_at from organisations where id = $1',
      [id],
    );
    expect(rows[0].verification).toBe('verified');
    expect(rows[0].verified_at).toBeTruthy();
    const { rows: audit } = await shared.t.database.pool.query(
      `select actor_email from audit_log where event = 'organisation.verified' and subject_id = $1`,
      [id],
    );
    expect(audit[0].actor_email).toBe(moderator.email);
  });

  it('leaves a listing a moderator asked to manage to another moderator, who verifies it', async () => {
    const id = await organisation(`Her own group ${Date.now()}`);
    const moderator = await person('moderator');
    await moderator.get(`/en/organisations/${id}/claim`);
    expect(
      (await moderator.post(`/en/organisations/${id}/claim`, { message: 'I coordinate this group.' }))
        .statusCode,
    ).toBe(200);
    // Not a member yet, but a party: the queue says why instead of offering the button.
    const queue = await moderator.get('/en/moderation');
    expect(queue.body).toContain('or asked to manage it: another moderator verifies it.');
    expect(queue.body).not.toContain(`/en/moderation/organisations/${id}/verify`);
    const refused = await moderator.post(`/en/moderation/organisations/${id}/verify`, { verified: '1' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You belong to this organisation, or asked to manage it');
    const state = async () =>
      (
        await shared.t.database.pool.query(
          `select o.verification, (select count(*)::int from audit_log a
             where a.subject_id = o.id::text and a.event = 'organisation.verified') as audits
           from organisations o where o.id = $1`,
          [id],
        )
      ).rows[0];
    expect(await state()).toEqual({ verification: 'unverified', audits: 0 });

    const colleague = await person('moderator');
    expect((await colleague.get('/en/moderation')).body).toContain(
      `/en/moderation/organisations/${id}/verify`,
    );
    const verified = await colleague.post(`/en/moderation/organisations/${id}/verify`, { verified: '1' });
    expect(verified.statusCode).toBe(303);
    expect(await state()).toEqual({ verification: 'verified', audits: 1 });
  });

  it('lets an admin of a verified organisation vouch for an informal group, and no one else', async () => {
    const group = await organisation(`Voisins ${Date.now()}`);
    const verified = await organisation(`CAW Test ${Date.now()}`, 'formal', 'verified');
    const unverified = await organisation(`Other ${Date.now()}`, 'formal');
    const formalTarget = await organisation(`Formal ${Date.now()}`, 'formal');
    const admin = await person();
    await adminOf(admin, verified);
    await adminOf(admin, unverified);

    const page = await admin.get(`/en/organisations/${group}/vouch`);
    expect(page.body).toContain(`Vouch as CAW Test`);
    expect(page.body).not.toContain('Vouch as Other');
    expect((await admin.post(`/en/organisations/${group}/vouch`, { voucher: unverified })).statusCode).toBe(
      403,
    );
    expect((await admin.get(`/en/organisations/${formalTarget}/vouch`)).statusCode).toBe(404);

    await admin.get(`/en/organisations/${group}/vouch`);
    const res = await admin.post(`/en/organisations/${group}/vouch`, { voucher: verified });
    expect(res.headers.location).toBe(`/en/organisations/${group}`);
    const listing = await shared.t.app.inject(`/en/organisations/${group}`);
    expect(listing.body).toContain('Verified organisations that vouch for it:');
    expect(listing.body).toContain('CAW Test');

    // An admin of nothing cannot vouch in another's name by changing the id in the form.
    const stranger = await person();
    await stranger.get(`/en/organisations/${group}/vouch`);
    expect((await stranger.post(`/en/organisations/${group}/vouch`, { voucher: verified })).statusCode).toBe(
      403,
    );
  });

  it('does not let anyone vouch for a group she asked to manage', async () => {
    const group = await organisation(`Buren ${Date.now()}`);
    const verified = await organisation(`OCMW Test ${Date.now()}`, 'formal', 'verified');
    const admin = await person();
    await adminOf(admin, verified);
    await admin.get(`/en/organisations/${group}/claim`);
    await admin.post(`/en/organisations/${group}/claim`, { message: 'I run this group too.' });

    const page = await admin.get(`/en/organisations/${group}/vouch`);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('You belong to this organisation, or asked to manage it');
    const refused = await admin.post(`/en/organisations/${group}/vouch`, { voucher: verified });
    expect(refused.statusCode).toBe(403);
    expect(await vouchesOf(group, 'organisation.vouched')).toEqual({ vouches: 0, audits: 0 });
  });

  it('withdraws the vouch of someone who then joins the group', async () => {
    const group = await organisation(`Voisines ${Date.now()}`);
    const verified = await organisation(`Maison Test ${Date.now()}`, 'formal', 'verified');
    const admin = await person();
    await adminOf(admin, verified);
    await admin.get(`/en/organisations/${group}/vouch`);
    expect((await admin.post(`/en/organisations/${group}/vouch`, { voucher: verified })).statusCode).toBe(
      303,
    );
    // Then she asks to manage the group, and a moderator agrees.
    await admin.get(`/en/organisations/${group}/claim`);
    await admin.post(`/en/organisations/${group}/claim`, { message: 'I run this group now.' });
    const moderator = await person('moderator');
    const {
      rows: [{ id: claimId }],
    } = await shared.t.database.pool.query(`select id from claims where organisation_id = $1`, [group]);
    expect((await moderator.get('/en/moderation/claims')).body).toContain(`/claims/${claimId}/approve`);
    expect((await moderator.post(`/en/claims/${claimId}/approve`, {})).statusCode).toBe(303);

    expect(await vouchesOf(group, 'organisation.vouch_withdrawn')).toEqual({ vouches: 0, audits: 1 });
    expect((await shared.t.app.inject(`/en/organisations/${group}`)).body).not.toContain(
      'Verified organisations that vouch for it:',
    );
  });
});

describe('the audit log page', () => {
  it('is for platform admins only, newest first, filtered by event', async () => {
    const moderator = await person('moderator');
    expect((await moderator.get('/en/admin/audit')).statusCode).toBe(404);
    const admin = await person('admin');
    const page = await admin.get('/en/admin/audit?event=login.failed');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<code>signup</code>');
    const all = await admin.get('/en/admin/audit');
    expect(all.body).toContain('<code>signup</code>');
    expect(all.body).toContain(admin.email);
  });
});
