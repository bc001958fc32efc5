import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { locales } from '../../../shared/i18n-text.ts';
import { getService } from '../directory.service.ts';
import { presentServiceCard, smsLimit } from './present-service-card.ts';

const shared = useTestApp();
const { get } = shared;
const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await shared.t.database.db.execute<T>(query)).rows;

async function someService(): Promise<{ id: string; org: string }> {
  const [row] = await rows<{ id: string; org: string }>(sql`
    select s.id, s.organisation_id as org from services s
    join service_at_locations sal on sal.service_id = s.id join locations l on l.id = sal.location_id
    where s.status = 'active' and l.transport is not null and s.name ? 'nl' and s.name ? 'fr'
    order by s.provenance_id limit 1`);
  return row!;
}

const textareaOf = (html: string) =>
  /<textarea id="sms-text"[^>]*>([^<]*)<\/textarea>/
    .exec(html)?.[1]
    ?.replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');

describe('the card of a service', () => {
  it('gives every demo service an SMS text under 300 characters in each language', async () => {
    const services = await rows<{ id: string }>(sql`select id from services where status = 'active'`);
    expect(services.length).toBeGreaterThan(100);
    let longest = 0;
    for (const { id } of services) {
      const service = await getService(shared.t.database.db, id);
      for (const locale of locales) {
        const card = presentServiceCard(service, locale, 'https://passerelle.brussels');
        const length = [...card.sms].length;
        expect(length, `${id} in ${locale}: ${card.sms}`).toBeLessThan(smsLimit);
        expect(card.sms.startsWith(card.name.text)).toBe(true);
        if (card.phones[0]) expect(card.sms).toContain(card.phones[0]);
        if (card.places[0]) expect(card.sms).toContain(card.places[0].lines[0]);
        longest = Math.max(longest, length);
      }
    }
    expect(longest).toBeGreaterThan(100);
  });

  it('is a page in the reader’s language with the card in the person’s, chosen on the page', async () => {
    const { id } = await someService();
    const en = await get(`/en/services/${id}/card`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('<article class="service-card" lang="en"');
    expect(en.body).toContain('<dt>Opening hours</dt>');
    // The language choice is a plain form: it works without JavaScript.
    expect(en.body).toMatch(new RegExp(`<form method="get" action="/en/services/${id}/card"`));
    expect(en.body).toContain('<option value="en" selected>English</option>');

    const fr = await get(`/en/services/${id}/card?lang=fr`);
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('<html lang="en">');
    expect(fr.body).toContain('<h1>Card to give</h1>');
    expect(fr.body).toContain('<article class="service-card" lang="fr"');
    expect(fr.body).toContain('<dt>Heures d’ouverture</dt>');
    expect(fr.body).toContain('<dt>Comment y aller</dt>');
    expect(fr.body).toContain('<option value="fr" selected>Français</option>');
    expect(fr.body).toContain(`/fr/services/${id}`);
    const sms = textareaOf(fr.body)!;
    expect(sms).toMatch(/\nOuvert : /);
    expect(fr.body).toContain(`<output id="sms-count" for="sms-text">${[...sms].length}</output>`);

    const nl = await get(`/fr/services/${id}/card?lang=nl`);
    expect(nl.body).toContain('<html lang="fr">');
    expect(nl.body).toContain('<article class="service-card" lang="nl"');
    expect(nl.body).toContain('<dt>Hoe kom je er?</dt>');
    expect(nl.body).toMatch(/Dichtste treinstation: [^<]+, ongeveer [\d,]+ k?m te voet \(\d+ min\)\./);
  });

  it('is offered on the service page', async () => {
    const { id } = await someService();
    const page = await get(`/nl/services/${id}`);
    expect(page.body).toContain(`href="/nl/services/${id}/card"`);
    expect(page.body).toContain('Afdrukken of doorsturen naar iemand');
  });

  it('refuses a language it does not have, with a translated page', async () => {
    const { id } = await someService();
    const res = await get(`/nl/services/${id}/card?lang=ar`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Ongeldig verzoek');
  });

  it('is not found for an unknown service, nor for one that stopped or is closed for now', async () => {
    expect((await get('/en/services/00000000-0000-4000-8000-000000000000/card')).statusCode).toBe(404);
    expect((await get('/en/services/not-an-id/card')).statusCode).toBe(404);
    const [{ id }] = (await rows<{ id: string }>(sql`
      select id from services where status = 'active' order by provenance_id desc limit 1`)) as [
      { id: string },
    ];
    expect((await get(`/en/services/${id}/card`)).statusCode).toBe(200);
    for (const status of ['inactive', 'defunct', 'temporarily_closed']) {
      await rows(sql`update services set status = ${status}::service_status where id = ${id}`);
      const res = await get(`/en/services/${id}/card`);
      expect(res.statusCode, status).toBe(404);
      expect(res.body).not.toContain('service-card');
      // The service page stays, without the card.
      const page = await get(`/en/services/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(`/services/${id}/card`);
    }
  });
});
