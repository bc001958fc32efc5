// The listing forms as a newcomer met them (issue 12): languages spoken typed by name, a closing
// time before the opening time, and the texts in three languages with the reader's own first.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Member, memberOf } from '../../../../test/helpers/members.ts';
import { expectRefused } from '../../../../test/helpers/refused.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const shared = useTestApp();
let orgId: string;
let serviceId: string;

beforeAll(async () => {
  const { rows } = await shared.t.database.pool.query(
    `select o.id as org, s.id as service from organisations o join services s on s.organisation_id = o.id
     order by o.provenance_id, s.provenance_id limit 1`,
  );
  orgId = rows[0].org;
  serviceId = rows[0].service;
});

const editor = () => memberOf(shared.t, orgId, ['editor']);

/** Saves the service's form with its name in the reader's language and the languages as typed. */
const saveService = (person: Member, locale: string, name: string, languages: string) => {
  const form = `/${locale}/manage/services/${serviceId}`;
  return person.submit(form, form, { [`name.${locale}`]: name, status: 'active', languages });
};

const languagesOf = async (table: 'services' | 'contacts', id: string): Promise<string[]> =>
  (await shared.t.database.pool.query(`select languages from ${table} where id = $1`, [id])).rows[0]
    .languages;

describe('languages spoken', () => {
  it('takes names in French, Dutch or English and codes, stores codes, and shows names when editing', async () => {
    const person = await editor();
    const saved = await saveService(
      person,
      'fr',
      'Permanence sociale',
      'lingala, Arabisch, arabe, darija, Langue des signes de Belgique francophone, pt-BR, nl',
    );
    expect(saved.statusCode).toBe(303);
    expect(await languagesOf('services', serviceId)).toEqual(['ln', 'ar', 'ary', 'sfb', 'pt-BR', 'nl']);

    // The form shows names in the reader's language, which post back as the same codes.
    const fr = await person.get(`/fr/manage/services/${serviceId}`);
    const shown = /name="languages"[^>]*value="([^"]*)"/.exec(fr.body)?.[1];
    expect(shown).toBe(
      'lingala, arabe, arabe marocain, Langue des signes de Belgique francophone, pt-BR, néerlandais',
    );
    const nl = await person.get(`/nl/manage/services/${serviceId}`);
    expect(nl.body).toContain('value="Lingala, Arabisch, Marokkaans Arabisch,');
    const again = await saveService(person, 'fr', 'Permanence sociale', shown!);
    expect(again.statusCode).toBe(303);
    expect(await languagesOf('services', serviceId)).toEqual(['ln', 'ar', 'ary', 'sfb', 'pt-BR', 'nl']);
  });

  it('refuses a language it cannot read, says so in plain words, and changes nothing', async () => {
    const person = await editor();
    const before = await languagesOf('services', serviceId);
    const bad = await saveService(person, 'en', 'Social desk', 'Arabic, Klingon');
    expectRefused(bad, 'We do not recognise one of these languages.', 'value="Arabic, Klingon"');
    expect(await languagesOf('services', serviceId)).toEqual(before);
  });

  it('takes names for a contact person too', async () => {
    const person = await editor();
    await person.get(`/nl/manage/organisations/${orgId}/contacts`);
    const added = await person.post(`/nl/manage/organisations/${orgId}/contacts`, {
      'new-contact_name': 'Mireille',
      'new-languages': 'Lingala, Frans; tshiluba',
    });
    expect(added.statusCode).toBe(303);
    const { rows } = await shared.t.database.pool.query(
      `select id from contacts where organisation_id = $1 and name = 'Mireille'`,
      [orgId],
    );
    expect(await languagesOf('contacts', rows[0].id)).toEqual(['ln', 'fr', 'lua']);
    const page = await person.get(`/en/manage/organisations/${orgId}/contacts`);
    expect(page.body).toContain('value="Lingala, French, Luba-Lulua"');
  });
});

describe('opening hours that close before they open', () => {
  it('refuses 10:00-09:00 with a clear message, then takes it once “until the next day” is ticked', async () => {
    const person = await editor();
    const week = async () =>
      (
        await shared.t.database.pool.query(
          `select weekday, opens_at::text, closes_at::text from schedules
           where service_id = $1 and location_id is null and valid_from is null order by weekday, opens_at`,
          [serviceId],
        )
      ).rows;
    const before = await week();
    await person.get(`/fr/manage/services/${serviceId}/hours`);
    const slip = await person.post(`/fr/manage/services/${serviceId}/hours`, {
      d2p1o: '10:00',
      d2p1c: '09:00',
    });
    expectRefused(slip, 'Cette période ferme avant d’ouvrir.');
    // The question is asked next to the period: a checkbox that was not there before.
    expect(slip.body).toContain('name="d2p1n"');
    expect(slip.body).not.toContain('name="d3p1n"');
    expect(await week()).toEqual(before);

    await person.get(`/fr/manage/services/${serviceId}/hours`);
    const night = await person.post(`/fr/manage/services/${serviceId}/hours`, {
      d2p1o: '20:00',
      d2p1c: '08:00',
      d2p1n: '1',
    });
    expect(night.statusCode).toBe(303);
    expect(await week()).toEqual([{ weekday: 2, opens_at: '20:00:00', closes_at: '08:00:00' }]);
    const form = await person.get(`/fr/manage/services/${serviceId}/hours`);
    expect(form.body).toMatch(/name="d2p1n" value="1" checked/);
  });

  it('asks the same for special hours on a date', async () => {
    const person = await editor();
    const day = `${new Date().getFullYear() + 1}-03-14`;
    const evening = { starts_on: day, closed: '0', opens_at: '18:00', closes_at: '02:00' };
    const hours = `/en/manage/services/${serviceId}/hours`;
    const exceptions = `/en/manage/services/${serviceId}/exceptions`;
    expectRefused(await person.submit(hours, exceptions, evening), 'This period closes before it opens.');
    const ok = await person.submit(hours, exceptions, { ...evening, next_day: '1' });
    expect(ok.statusCode).toBe(303);
  });
});

describe('texts in three languages', () => {
  it('puts the reader’s language first', async () => {
    const person = await editor();
    const order = async (locale: string) => {
      const page = await person.get(`/${locale}/manage/services/${serviceId}`);
      const fieldset = page.body.slice(page.body.indexOf('id="f-name"'));
      return [...fieldset.matchAll(/name="name\.(nl|fr|en)"/g)].slice(0, 3).map((m) => m[1]);
    };
    expect(await order('fr')).toEqual(['fr', 'nl', 'en']);
    expect(await order('nl')).toEqual(['nl', 'fr', 'en']);
    expect(await order('en')).toEqual(['en', 'nl', 'fr']);
  });
});
