// What a search result card says besides the name: the number to call and the hours, from the
// search index, the same as the service's own page.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const shared = useTestApp();
const { get } = shared;

/** The result card (<li>) of one service on a search page. */
function cardOf(html: string, serviceId: string): string {
  const at = html.indexOf(`/services/${serviceId}"`);
  expect(at, `a result for ${serviceId}`).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf('<li class="card result">', at), html.indexOf('</li>', at));
}

const badgeOf = (html: string) => /class="badge hours (?:open|closed|unknown)">([^<]+)</.exec(html)?.[1];

describe('search result cards', () => {
  it('show the number to call as a tel: link and say until when it is open, or when it opens', async () => {
    const { rows } = await shared.t.database.db.execute<{ id: string; name: string; number: string }>(sql`
      select s.id, s.name->>'en' as name, p.number
      from services s join phones p on p.organisation_id = s.organisation_id and p.service_id is null
      where s.status = 'active' and s.name ? 'en' and p.type = 'voice'
        and exists (select 1 from schedules h where h.service_id = s.id)
        and not exists (select 1 from phones q where q.service_id = s.id)
      order by s.provenance_id limit 1`);
    const service = rows[0]!;
    const html = (await get(`/en/search?q=${encodeURIComponent(service.name)}`)).body;
    const card = cardOf(html, service.id);
    expect(card).toContain(`href="tel:${service.number.replace(/[^+\d]/g, '')}"`);
    expect(card).toContain(`Call ${service.number}`);
    const badge = badgeOf(card);
    expect(badge).toMatch(/^(Open now · until (\w+ )?\d\d:\d\d|Closed · opens .+ at \d\d:\d\d)$/);
    // The index's hours say what the service page says from the database.
    expect(badgeOf((await get(`/en/services/${service.id}`)).body)).toBe(badge);
    const fr = cardOf((await get(`/fr/search?q=${encodeURIComponent(service.name)}`)).body, service.id);
    expect(badgeOf(fr)).toMatch(/^(Ouvert · jusqu’à|Fermé · ouvre)/);
  });

  it('show a service’s own new number once the index has it', async () => {
    const { rows } = await shared.t.database.db.execute<{ id: string; org: string; name: string }>(sql`
      select s.id, s.organisation_id as org, s.name->>'nl' as name from services s
      where s.status = 'active' and s.name ? 'nl' order by s.provenance_id desc limit 1`);
    const service = rows[0]!;
    const page = async () =>
      cardOf((await get(`/nl/search?q=${encodeURIComponent(service.name)}`)).body, service.id);
    expect(await page()).not.toContain('tel:025559876');
    await shared.t.database.db.execute(sql`
      insert into phones (organisation_id, service_id, number, type)
      values (${service.org}, ${service.id}, '02 555 98 76', 'voice')`);
    const deadline = Date.now() + 10_000;
    let card = await page();
    while (!card.includes('tel:025559876') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      card = await page();
    }
    expect(card).toContain('<a href="tel:025559876">Bel 02 555 98 76</a>');
  });
});
