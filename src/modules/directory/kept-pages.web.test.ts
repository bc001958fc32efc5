// Visitors' organisation and service pages are kept while nothing they show changes: a change
// committed anywhere (SQL from outside the app here, as another process or an import would) shows on
// the next page, whatever part of the page it touches (the listing, its hours, a vouch, a figure of
// the exchange), and a signed-in reader's page is made for them.
import { describe, expect, it } from 'vitest';
import { signedInPerson, sql } from '../../../test/helpers/members.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';

const app = useTestApp();
const edition = async () =>
  (await sql(app.t, 'select edition from directory_edition where id = 1'))[0].edition as number;

async function anOrganisation(where = 'true') {
  const [row] = await sql(
    app.t,
    `select o.id, s.id as service_id from organisations o join services s on s.organisation_id = o.id
     where ${where} order by o.provenance_id, s.id limit 1`,
  );
  return { id: row!.id as string, serviceId: row!.service_id as string };
}

describe('visitors’ organisation and service pages', () => {
  it('are kept while nothing changes, and show a change made by SQL on the next request', async () => {
    const { id, serviceId } = await anOrganisation();
    const path = `/en/organisations/${id}`;
    const first = await app.get(path);
    expect(first.statusCode).toBe(200);
    expect(first.body).not.toContain('_csrf');
    expect((await app.get(path)).body).toBe(first.body);

    // One transaction changing two tables raises the edition once; a rolled-back one, not at all.
    const before = await edition();
    await sql(
      app.t,
      `with s as (update services set description = description || '{"en":"Kept page test: now on Sundays"}' where id = $2)
       update organisations set name = name || '{"en":"Kept page test organisation"}' where id = $1`,
      [id, serviceId],
    );
    expect(await edition()).toBe(before + 1);
    await expect(
      sql(app.t, `update organisations set kind = 'nonsense' where id = $1`, [id]),
    ).rejects.toThrow();
    expect(await edition()).toBe(before + 1);
    expect((await app.get(path)).body).toContain('Kept page test organisation');
    const service = await app.get(`/en/services/${serviceId}`);
    expect(service.body).toContain('Kept page test: now on Sundays');
    expect((await app.get(`/en/services/${serviceId}`)).body).toBe(service.body);

    // Hours of the service: a table of their own.
    await sql(app.t, `delete from schedules where service_id = $1`, [serviceId]);
    await sql(
      app.t,
      `insert into schedules (service_id, weekday, opens_at, closes_at) values ($1, 7, '06:17', '06:43')`,
      [serviceId],
    );
    expect((await app.get(`/en/services/${serviceId}`)).body).toContain('06:17');
    expect((await app.get(path)).body).toContain('06:17');
  });

  it('show a vouch and a figure of the exchange on the next request', async () => {
    const { id } = await anOrganisation(`o.kind in ('self_organisation', 'citizen_initiative')`);
    const [voucher] = await sql(
      app.t,
      `select id from organisations where id <> $1 and verification = 'verified' order by provenance_id limit 1`,
      [id],
    );
    const path = `/en/organisations/${id}`;
    await app.get(path);
    await sql(app.t, `delete from vouches where organisation_id = $1`, [id]);
    await app.get(path);
    await sql(app.t, `update organisations set name = name || '{"en":"Kept page voucher"}' where id = $1`, [
      voucher!.id,
    ]);
    // The page is kept again before the vouch, so the vouch alone must move it.
    expect((await app.get(path)).body).not.toContain('Kept page voucher');
    await sql(app.t, `insert into vouches (organisation_id, voucher_id) values ($1, $2)`, [id, voucher!.id]);
    expect((await app.get(path)).body).toContain('Kept page voucher');

    const page = await app.get(path);
    expect(page.body).not.toContain('fulfilled via the exchange');
    await sql(
      app.t,
      `insert into exchange_posts (organisation_id, direction, kind, title, until, all_brussels, search_terms, status, fulfilled_at)
       values ($1, 'request', 'room_or_material', '{"en":"Kept page test post"}', current_date + 20, true,
               to_tsvector('simple', 'kept'), 'fulfilled', now())`,
      [id],
    );
    expect((await app.get(path)).body).toContain('1 request fulfilled via the exchange');
  });

  it('are made for a signed-in reader, with their own navigation on it', async () => {
    const { id, serviceId } = await anOrganisation();
    const visitor = await app.get(`/en/organisations/${id}`);
    const person = await signedInPerson(app.t, { locale: 'en' });
    for (const path of [`/en/organisations/${id}`, `/en/services/${serviceId}`]) {
      const theirs = await person.get(path);
      expect(theirs.statusCode).toBe(200);
      expect(theirs.body).toContain('href="/en/my/organisations"');
    }
    // And the visitor's page did not become theirs.
    const again = await app.get(`/en/organisations/${id}`);
    expect(again.body).toBe(visitor.body);
    expect(again.body).not.toContain('href="/en/my/organisations"');
  });

  it('answer 404 for an unknown organisation each time', async () => {
    const path = '/en/organisations/00000000-0000-4000-8000-000000000000';
    expect((await app.get(path)).statusCode).toBe(404);
    expect((await app.get(path)).statusCode).toBe(404);
  });

  it('keep the directory page and the API’s lists while nothing changes, and show a change at once', async () => {
    const { id, serviceId } = await anOrganisation();
    const directory = '/en/directory?page=2';
    const first = await app.get(directory);
    expect(first.statusCode).toBe(200);
    expect((await app.get(directory)).body).toBe(first.body);
    const list = await app.get('/api/v1/services?per_page=100');
    expect((await app.get('/api/v1/services?per_page=100')).body).toBe(list.body);

    // A change of the rows shown: on the next request, before any index has moved.
    const name = (await sql(app.t, `select name from organisations where id = $1`, [id]))[0]!.name;
    await sql(app.t, `update organisations set name = name || '{"en":"Kept directory test"}' where id = $1`, [
      id,
    ]);
    await sql(app.t, `update services set name = name || '{"en":"Kept list test service"}' where id = $1`, [
      serviceId,
    ]);
    const all = async () => {
      let body = '';
      for (let n = 1; n < 20; n++) body += (await app.get(`/en/directory?all=1&page=${n}`)).body;
      return body;
    };
    expect(await all()).toContain('Kept directory test');
    let services = '';
    for (let n = 1; n < 5; n++) services += (await app.get(`/api/v1/services?per_page=100&page=${n}`)).body;
    expect(services).toContain('Kept list test service');
    await sql(app.t, `update organisations set name = $2 where id = $1`, [id, name]);
    expect(await all()).not.toContain('Kept directory test');

    // A signed-in reader's directory is their own.
    const person = await signedInPerson(app.t, { locale: 'en' });
    expect((await person.get(directory)).body).toContain('href="/en/my/organisations"');
    expect((await app.get(directory)).body).not.toContain('href="/en/my/organisations"');
  });
});
