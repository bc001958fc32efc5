// Editing a listing through the real HTTP app: texts in two languages, a refused form, the
// version history, rollback by a moderator, and nobody else getting in by changing an id.
import { beforeAll, describe, expect, it } from 'vitest';
import { confirmedPerson } from '../../../../test/helpers/form-client.ts';
import { memberOf, signedInPerson } from '../../../../test/helpers/members.ts';
import { expectRefused } from '../../../../test/helpers/refused.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import sharp from 'sharp';

const shared = useTestApp();
let orgId: string;
let serviceId: string;
let otherServiceId: string;

beforeAll(async () => {
  const { rows } = await shared.t.database.pool.query(
    // A formal organisation of the demo data without a KBO/BCE number: older listings must stay editable.
    `select o.id as org, s.id as service, o.kind, o.kbo_number from organisations o join services s on s.organisation_id = o.id
     order by (o.kind = 'formal' and o.kbo_number is null) desc, o.provenance_id, s.provenance_id`,
  );
  expect(rows[0]).toMatchObject({ kind: 'formal', kbo_number: null });
  orgId = rows[0].org;
  serviceId = rows[0].service;
  otherServiceId = rows.find((r) => r.org !== orgId).service;
});

const member = (roles: string[]) => memberOf(shared.t, orgId, roles);

async function versions(recordId: string) {
  const { rows } = await shared.t.database.pool.query(
    `select id, action, changes from listing_versions where record_id = $1 order by id`,
    [recordId],
  );
  return rows;
}

describe('editing the organisation profile', () => {
  it('saves texts in two languages side by side and records what changed', async () => {
    const editor = await member(['editor']);
    const form = await editor.get(`/en/manage/organisations/${orgId}/profile`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('How complete, per language');
    const value = (name: string) =>
      new RegExp(`name="${name.replace('.', '\\.')}"[^>]*value="([^"]*)"`).exec(form.body)?.[1] ?? '';
    const res = await editor.post(`/en/manage/organisations/${orgId}/profile`, {
      'name.nl': value('name.nl') || 'Naam',
      'name.fr': 'Nom édité',
      'name.en': 'Edited name',
      'description.nl': 'Wij helpen buren met elkaar.',
      'description.fr': 'Nous aidons les voisins à s’entraider.',
      kind: /<option value="([a-z_]+)" selected/.exec(form.body)![1]!,
      kbo_number: value('kbo_number'),
      email: value('email'),
      website: value('website'),
    });
    expect(res.statusCode).toBe(303);
    const { rows } = await shared.t.database.pool.query(
      'select name, description from organisations where id = $1',
      [orgId],
    );
    expect(rows[0].name).toMatchObject({ fr: 'Nom édité', en: 'Edited name' });
    expect(rows[0].description).toMatchObject({ nl: 'Wij helpen buren met elkaar.' });
    const [version] = (await versions(orgId)).slice(-1);
    expect(Object.keys(version.changes).sort()).toEqual(['description', 'name']);
    expect(version.changes.name.after).toMatchObject({ fr: 'Nom édité' });

    // The same form again changes nothing and writes no version.
    const before = (await versions(orgId)).length;
    await editor.get(`/en/manage/organisations/${orgId}/profile`);
    const again = await editor.get(`/en/manage/organisations/${orgId}/profile`);
    const fields = Object.fromEntries(
      [...again.body.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [
        m[1]!,
        m[2]!.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"'),
      ]),
    );
    const textareas = Object.fromEntries(
      [...again.body.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [
        m[1]!,
        m[2]!.replaceAll('&amp;', '&').replaceAll('&#39;', "'"),
      ]),
    );
    delete fields._csrf;
    await editor.post(`/en/manage/organisations/${orgId}/profile`, {
      ...fields,
      ...textareas,
      kind: /<option value="([a-z_]+)" selected/.exec(again.body)![1]!,
    });
    expect((await versions(orgId)).length).toBe(before);
  });

  it('refuses a form without any name, next to the field, and keeps the listing as it was', async () => {
    const editor = await member(['admin']);
    await editor.get(`/nl/manage/organisations/${orgId}/profile`);
    const { rows: before } = await shared.t.database.pool.query(
      'select name from organisations where id = $1',
      [orgId],
    );
    const count = (await versions(orgId)).length;
    const res = await editor.post(`/nl/manage/organisations/${orgId}/profile`, {
      'name.fr': '  ',
      kind: 'formal',
      website: 'x',
    });
    expectRefused(res, 'Geef de naam in minstens één taal.', 'Dit is geen webadres');
    const { rows: after } = await shared.t.database.pool.query(
      'select name from organisations where id = $1',
      [orgId],
    );
    expect(after[0].name).toEqual(before[0].name);
    expect((await versions(orgId)).length).toBe(count);
  });
});

describe('editing a service', () => {
  it('saves texts, target groups, access conditions and languages, and refuses bad language codes', async () => {
    const editor = await member(['editor']);
    await editor.get(`/fr/manage/services/${serviceId}`);
    const bad = await editor.post(`/fr/manage/services/${serviceId}`, {
      'name.fr': 'Permanence sociale',
      status: 'active',
      languages: 'fr, <script>',
    });
    expectRefused(bad, 'Une de ces langues n’est pas reconnue.');
    expect(bad.body).not.toContain('<script>,');

    await editor.get(`/fr/manage/services/${serviceId}`);
    const ok = await editor.post(`/fr/manage/services/${serviceId}`, {
      'name.fr': 'Permanence sociale',
      'name.nl': 'Sociale permanentie',
      'description.fr': 'Sans rendez-vous, le mardi.',
      status: 'active',
      target_groups: ['newcomers', 'families'],
      access_conditions: ['free', 'no_appointment'],
      languages: 'fr, nl, ar, tzm',
    });
    expect(ok.statusCode).toBe(303);
    const { rows } = await shared.t.database.pool.query(
      'select name, target_groups, access_conditions, languages from services where id = $1',
      [serviceId],
    );
    expect(rows[0]).toMatchObject({
      name: { fr: 'Permanence sociale', nl: 'Sociale permanentie' },
      target_groups: ['newcomers', 'families'],
      access_conditions: ['free', 'no_appointment'],
      languages: ['fr', 'nl', 'ar', 'tzm'],
    });
    const page = await editor.get(`/fr/manage/services/${serviceId}?done=saved`);
    expect(page.body).toContain('Enregistré.');
  });
});

describe('adding a service', () => {
  it('creates a service from the same form, with a first version, and refuses one without a name', async () => {
    const editor = await member(['editor']);
    await editor.get(`/nl/manage/organisations/${orgId}/services/new`);
    const bad = await editor.post(`/nl/manage/organisations/${orgId}/services/new`, { status: 'active' });
    expectRefused(bad, 'Geef de naam in minstens één taal.');
    await editor.get(`/nl/manage/organisations/${orgId}/services/new`);
    const res = await editor.post(`/nl/manage/organisations/${orgId}/services/new`, {
      'name.nl': 'Taalcafé',
      'name.fr': 'Café des langues',
      status: 'active',
      languages: 'nl, fr',
      themes: ['education', 'education.conversation'],
    });
    expect(res.statusCode).toBe(303);
    const id = /manage\/services\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
    const { rows } = await shared.t.database.pool.query(
      'select organisation_id, name, languages from services where id = $1',
      [id],
    );
    expect(rows[0]).toMatchObject({
      organisation_id: orgId,
      name: { nl: 'Taalcafé', fr: 'Café des langues' },
      languages: ['nl', 'fr'],
    });
    expect((await versions(id))[0]).toMatchObject({ action: 'create' });
    const { rows: themes } = await shared.t.database.pool.query(
      'select t.code from service_themes st join taxonomy_terms t on t.id = st.term_id where st.service_id = $1 order by t.code',
      [id],
    );
    expect(themes.map((r) => r.code)).toEqual(['education', 'education.conversation']);
    // The search finds it under its theme.
    await expect
      .poll(
        async () =>
          (await shared.t.app.inject(`/api/v1/search?theme=education.conversation&q=taalcafe`)).json().meta
            .total,
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
  });
});

describe('contact persons', () => {
  it('adds, changes and removes a contact person, refuses a bad phone, and never touches another organisation’s', async () => {
    const editor = await member(['editor']);
    const contacts = `/fr/manage/organisations/${orgId}/contacts`;
    const count = async () =>
      (
        await shared.t.database.pool.query(
          'select count(*)::int n from contacts where organisation_id = $1',
          [orgId],
        )
      ).rows[0].n;
    const before = await count();
    const bad = await editor.submit(contacts, contacts, {
      'new-contact_name': 'Samira',
      'new-phone': 'call me',
    });
    expectRefused(bad, 'Ce n’est pas un numéro de téléphone', 'value="Samira"');
    expect(await count()).toBe(before);

    const added = await editor.submit(contacts, contacts, {
      'new-contact_name': 'Samira',
      'new-title.fr': 'Coordinatrice',
      'new-phone': '+32 2 000 12 34',
      'new-languages': 'fr, ar',
    });
    expect(added.statusCode).toBe(303);
    const { rows } = await shared.t.database.pool.query(
      `select id, title, languages from contacts where organisation_id = $1 and name = 'Samira'`,
      [orgId],
    );
    expect(rows[0]).toMatchObject({ title: { fr: 'Coordinatrice' }, languages: ['fr', 'ar'] });
    const contactId = rows[0].id;

    await editor.submit(contacts, contacts, {
      contact_id: contactId,
      [`c-${contactId}-contact_name`]: 'Samira',
      [`c-${contactId}-title.fr`]: 'Coordinatrice',
      [`c-${contactId}-title.nl`]: 'Coördinator',
      [`c-${contactId}-languages`]: 'fr, ar, nl',
    });
    const { rows: changed } = await shared.t.database.pool.query(
      'select title, languages from contacts where id = $1',
      [contactId],
    );
    expect(changed[0]).toMatchObject({
      title: { fr: 'Coordinatrice', nl: 'Coördinator' },
      languages: ['fr', 'ar', 'nl'],
    });

    // Another organisation's contact, by id in the form or the address: not found, unchanged.
    const { rows: others } = await shared.t.database.pool.query(
      'select id, name from contacts where organisation_id <> $1 limit 1',
      [orgId],
    );
    const foreign = await editor.submit(contacts, contacts, {
      contact_id: others[0].id,
      [`c-${others[0].id}-contact_name`]: 'Taken over',
    });
    expect(foreign.statusCode).toBe(404);
    expect(
      (
        await editor.post(`/fr/manage/organisations/${orgId}/contacts/${others[0].id}/delete`, {
          _csrf: editor.csrfToken(),
        })
      ).statusCode,
    ).toBe(404);
    const { rows: still } = await shared.t.database.pool.query('select name from contacts where id = $1', [
      others[0].id,
    ]);
    expect(still[0].name).toBe(others[0].name);

    await editor.get(contacts);
    await editor.post(`/fr/manage/organisations/${orgId}/contacts/${contactId}/delete`, {});
    expect(await count()).toBe(before);
    expect((await versions(contactId)).map((v) => v.action)).toEqual(['create', 'update', 'delete']);
    const history = await editor.get(`/fr/manage/organisations/${orgId}/history`);
    expect(history.body).toContain('Personne de contact : Samira');
  });
});

describe('the logo', () => {
  // A 1×1 PNG, and things that are not what they claim.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

  it('accepts a PNG, refuses other types and big files by their bytes, serves it, and removes it', async () => {
    const editor = await member(['editor']);
    const upload = async (data: Buffer, type = 'image/png') => {
      await editor.get(`/en/manage/organisations/${orgId}/profile`);
      return editor.upload(
        `/en/manage/organisations/${orgId}/logo`,
        {},
        { field: 'logo', name: 'logo.png', type, data },
      );
    };
    const disguised = await upload(svg);
    expectRefused(disguised, 'This is not a PNG, JPEG or WebP image.');
    const big = await upload(Buffer.concat([png, Buffer.alloc(600 * 1024)]));
    expectRefused(big, 'This file is larger than 512 KB.');
    expect((await shared.t.app.inject(`/logos/${orgId}`)).statusCode).toBe(404);

    const ok = await upload(png);
    expect(ok.statusCode).toBe(303);
    // Public and cached: no session is read for it, so no cookie goes out with it.
    const served = await shared.t.app.inject({
      url: `/logos/${orgId}`,
      headers: { cookie: 'passerelle_session=ended' },
    });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['set-cookie']).toBeUndefined();
    // What is served is the image as re-encoded, not the upload's bytes.
    expect(await sharp(served.rawPayload).metadata()).toMatchObject({ format: 'png', width: 1, height: 1 });
    const withPage = await upload(Buffer.concat([png, Buffer.from('<html><script>alert(1)</script>')]));
    expect(withPage.statusCode).toBe(303);
    expect((await shared.t.app.inject(`/logos/${orgId}`)).rawPayload.toString('latin1')).not.toContain(
      '<script>',
    );
    expect((await shared.t.app.inject(`/en/organisations/${orgId}`)).body).toContain(
      `src="/logos/${orgId}?v=`,
    );

    await editor.get(`/en/manage/organisations/${orgId}/profile`);
    await editor.post(`/en/manage/organisations/${orgId}/logo`, { remove: '1' });
    expect((await shared.t.app.inject(`/logos/${orgId}`)).statusCode).toBe(404);
    expect((await versions(orgId)).filter((v) => v.action === 'logo')).toHaveLength(3);
  });
});

describe('opening hours', () => {
  it('sets the week with a past-midnight period and holidays, shows it publicly, and refuses overlaps', async () => {
    const editor = await member(['editor']);
    const hours = `/nl/manage/services/${serviceId}/hours`;
    const bad = await editor.submit(hours, hours, {
      d1p1o: '09:00',
      d1p1c: '13:00',
      d1p2o: '12:00',
      d1p2c: '17:00',
    });
    expectRefused(bad, 'De tweede periode begint voor de eerste eindigt.', 'value="12:00"');

    const ok = await editor.submit(hours, hours, {
      d1p1o: '09:00',
      d1p1c: '12:00',
      d1p2o: '13:00',
      d1p2c: '17:00',
      d5p1o: '20:00',
      d5p1c: '08:00',
      d5p1n: '1',
    });
    expect(ok.statusCode).toBe(303);
    const { rows } = await shared.t.database.pool.query(
      `select weekday, opens_at::text, closes_at::text from schedules where service_id = $1 and location_id is null and valid_from is null order by weekday, opens_at`,
      [serviceId],
    );
    expect(rows).toEqual([
      { weekday: 1, opens_at: '09:00:00', closes_at: '12:00:00' },
      { weekday: 1, opens_at: '13:00:00', closes_at: '17:00:00' },
      { weekday: 5, opens_at: '20:00:00', closes_at: '08:00:00' },
    ]);
    const { rows: svc } = await shared.t.database.pool.query(
      'select closed_on_public_holidays from services where id = $1',
      [serviceId],
    );
    expect(svc[0].closed_on_public_holidays).toBe(false);
    const publicPage = await shared.t.app.inject(`/en/services/${serviceId}`);
    expect(publicPage.body).toMatch(/20:00[^<]*08:00/);
    const form = await editor.get(hours);
    expect(form.body).toContain('name="d5p1c" value="08:00"');
  });

  it('adds a closure for the holidays, refuses one that ends before it starts, and removes it', async () => {
    const editor = await member(['editor']);
    const nextYear = new Date().getFullYear() + 1;
    await editor.get(`/en/manage/services/${serviceId}/hours`);
    const bad = await editor.post(`/en/manage/services/${serviceId}/exceptions`, {
      starts_on: `${nextYear}-01-05`,
      ends_on: `${nextYear}-01-02`,
      closed: '1',
    });
    expectRefused(bad, 'The end is before the start.');
    await editor.get(`/en/manage/services/${serviceId}/hours`);
    await editor.post(`/en/manage/services/${serviceId}/exceptions`, {
      starts_on: `${nextYear}-12-24`,
      ends_on: `${nextYear}-12-31`,
      closed: '1',
      'note.en': 'Winter break',
    });
    const { rows } = await shared.t.database.pool.query(
      `select id, starts_on::text, ends_on::text, closed, note from schedule_exceptions where service_id = $1 and starts_on = $2`,
      [serviceId, `${nextYear}-12-24`],
    );
    expect(rows[0]).toMatchObject({
      ends_on: `${nextYear}-12-31`,
      closed: true,
      note: { en: 'Winter break' },
    });
    const page = await editor.get(`/en/manage/services/${serviceId}/hours`);
    expect(page.body).toContain('Winter break');
    await editor.post(`/en/manage/services/${serviceId}/exceptions/${rows[0].id}/delete`, {});
    const { rows: gone } = await shared.t.database.pool.query(
      'select 1 from schedule_exceptions where id = $1',
      [rows[0].id],
    );
    expect(gone).toHaveLength(0);
  });
});

describe('places', () => {
  it('adds a place from a known street (commune from the position), refuses swapped coordinates, and links services', async () => {
    const editor = await member(['editor']);
    const places = `/fr/manage/organisations/${orgId}/locations`;
    const swapped = await editor.submit(places, places, {
      'new-address': 'Rue Belliard 12',
      'new-postcode': '1000',
      'new-latitude': '4.35',
      'new-longitude': '50.84',
    });
    expectRefused(swapped, 'Ces coordonnées ne sont pas en Belgique.');

    const ok = await editor.submit(places, places, {
      'new-address': 'Rue Belliard 12',
      'new-postcode': '1000',
      'new-locality': 'Bruxelles',
      'new-transport.fr': 'Métro Trône',
      'new-services': [serviceId],
    });
    expect(ok.statusCode).toBe(303);
    const { rows } = await shared.t.database.pool.query(
      `select l.id, l.commune_nis, l.latitude, l.transport from locations l where l.organisation_id = $1 and l.address = 'Rue Belliard 12'`,
      [orgId],
    );
    expect(rows[0].commune_nis).toBe('21004');
    expect(rows[0].transport).toEqual({ fr: 'Métro Trône' });
    const { rows: links } = await shared.t.database.pool.query(
      'select service_id from service_at_locations where location_id = $1',
      [rows[0].id],
    );
    expect(links).toEqual([{ service_id: serviceId }]);

    // A service of another organisation cannot be placed here.
    const foreign = await editor.submit(places, places, {
      location_id: rows[0].id,
      [`l-${rows[0].id}-address`]: 'Rue Belliard 12',
      [`l-${rows[0].id}-postcode`]: '1000',
      [`l-${rows[0].id}-services`]: [serviceId, otherServiceId],
    });
    expect(foreign.statusCode).toBe(400);
    const { rows: still } = await shared.t.database.pool.query(
      'select service_id from service_at_locations where location_id = $1',
      [rows[0].id],
    );
    expect(still).toEqual([{ service_id: serviceId }]);
  });
});

describe('history and rollback', () => {
  it('shows every change; a moderator rolls one back, which is itself a new version', async () => {
    const editor = await member(['editor']);
    await editor.get(`/en/manage/services/${serviceId}`);
    await editor.post(`/en/manage/services/${serviceId}`, {
      'name.en': 'Vandalised name',
      status: 'active',
      languages: 'en',
    });
    const history = await editor.get(`/en/manage/organisations/${orgId}/history`);
    expect(history.body).toContain('Vandalised name');
    expect(history.body).not.toContain('Roll back this change');
    const [last] = (await versions(serviceId)).slice(-1);

    expect((await editor.post(`/en/manage/versions/${last.id}/rollback`, {})).statusCode).toBe(404);

    const moderator = await signedInPerson(shared.t, { platformRole: 'moderator' });
    const seen = await moderator.get(`/en/manage/organisations/${orgId}/history`);
    expect(seen.body).toContain('Roll back this change');
    const res = await moderator.post(`/en/manage/versions/${last.id}/rollback`, {});
    expect(res.headers.location).toBe(`/en/manage/organisations/${orgId}/history?done=rolled_back`);
    const { rows } = await shared.t.database.pool.query('select name from services where id = $1', [
      serviceId,
    ]);
    expect(rows[0].name.en).not.toBe('Vandalised name');
    const [rollback] = (await versions(serviceId)).slice(-1);
    expect(rollback).toMatchObject({ action: 'rollback' });
    expect(rollback.changes.name.before.en).toBe('Vandalised name');
  });
});

describe('who may edit', () => {
  it('answers "not found" to a visitor’s page, another organisation’s member and a referrer, and changes nothing', async () => {
    const outsider = await confirmedPerson(shared.t.app, shared.t.database);
    const referrer = await member(['referrer']);
    const editor = await member(['editor']);
    for (const client of [outsider, referrer]) {
      expect((await client.get(`/en/manage/organisations/${orgId}/profile`)).statusCode).toBe(404);
      expect((await client.get(`/en/manage/services/${serviceId}`)).statusCode).toBe(404);
    }
    // An editor of this organisation cannot reach a service of another by changing the id.
    expect((await editor.get(`/en/manage/services/${otherServiceId}`)).statusCode).toBe(404);
    await editor.get(`/en/manage/services/${serviceId}`);
    const { rows: before } = await shared.t.database.pool.query('select name from services where id = $1', [
      otherServiceId,
    ]);
    const res = await editor.post(`/en/manage/services/${otherServiceId}`, {
      'name.en': 'Taken over',
      status: 'active',
    });
    expect(res.statusCode).toBe(404);
    const { rows: after } = await shared.t.database.pool.query('select name from services where id = $1', [
      otherServiceId,
    ]);
    expect(after[0].name).toEqual(before[0].name);
  });
});
