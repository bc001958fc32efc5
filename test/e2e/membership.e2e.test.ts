// An organisation in a real browser: a confirmed person registers their group, meets a refused
// form first, lands on the members page and invites a colleague. Each page passes axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowserHarness } from '../helpers/browser.ts';

const h = useBrowserHarness();

async function signUpAndConfirm(page: Page, email: string): Promise<void> {
  await page.goto(`${h.baseUrl}/en/signup`);
  await page.getByLabel('Your name').fill('Yusuf');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('la bicyclette verte du canal');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/en/signup');
  await page.goto(`${h.baseUrl}/en/dev/outbox`);
  await page.locator('.outbox li').filter({ hasText: email }).first().getByRole('link').first().click();
  await page.waitForURL('**/en/login?verified=1');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('la bicyclette verte du canal');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL('**/en/account');
}

describe('an organisation run by its people', () => {
  it('registers an informal group, then invites a colleague', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    await signUpAndConfirm(page, `yusuf.${Date.now()}@example.org`);

    await page.getByRole('link', { name: 'My organisations' }).click();
    await page.waitForURL('**/en/my/organisations');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Register a new organisation' }).click();
    await page.waitForURL('**/en/organisations/new');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Register the organisation' }).click();
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toContain('Give the name in at least one language.');
    await expectAccessible(page);

    await page.getByRole('textbox', { name: 'Français' }).fill('Les Voisins Solidaires');
    await page.getByRole('textbox', { name: 'Nederlands' }).fill('De Solidaire Buren');
    await page.getByLabel('Kind of organisation').selectOption('citizen_initiative');
    await page.getByRole('button', { name: 'Register the organisation' }).click();
    await page.waitForURL('**/members?done=registered');
    expect(await page.locator('h1').textContent()).toBe('Members of Les Voisins Solidaires');
    await expectAccessible(page);

    const colleague = `colleague.${Date.now()}@example.org`;
    await page.getByRole('textbox', { name: 'E-mail address' }).fill(colleague);
    await page.getByRole('checkbox', { name: 'Referrer' }).last().check();
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.waitForURL('**/members?done=invited');
    expect(await page.getByRole('status').textContent()).toContain('The invitation has been sent.');
    expect(await page.locator('main').textContent()).toContain(colleague);

    await page.goto(`${h.baseUrl}/en/dev/outbox`);
    expect(await page.locator('.outbox li').first().textContent()).toContain(
      'Invitation to Les Voisins Solidaires on Passerelle',
    );
    await context.close();
  });

  it('edits a service in two languages and finds the change in the history', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    const email = `editor.${Date.now()}@example.org`;
    await signUpAndConfirm(page, email);
    const { rows } = await h.database.pool.query(
      `insert into memberships (user_id, organisation_id, roles)
       select u.id, o.id, '{editor}' from users u, organisations o
       where u.email = $1 and exists (select 1 from services s where s.organisation_id = o.id)
       order by o.provenance_id limit 1 returning organisation_id`,
      [email],
    );
    const orgId = rows[0].organisation_id;

    await page.goto(`${h.baseUrl}/en/my/organisations`);
    await page.getByRole('link', { name: 'Members and roles' }).click();
    await page
      .getByRole('navigation', { name: 'Managing the organisation' })
      .getByRole('link', { name: 'Services' })
      .click();
    await page.waitForURL(`**/en/manage/organisations/${orgId}/services`);
    await expectAccessible(page);
    await page.locator('.cards h2 a').first().click();
    await page.waitForURL('**/en/manage/services/**');
    await expectAccessible(page);

    const name = page.getByRole('group', { name: 'Name of the service' });
    await name.getByRole('textbox', { name: 'Nederlands' }).fill('Huiswerkklas voor iedereen');
    await name.getByRole('textbox', { name: 'Français' }).fill('École de devoirs pour tous');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL('**?done=saved');
    expect(await page.getByRole('status').textContent()).toContain('Saved.');

    await page.getByRole('link', { name: 'Opening hours' }).click();
    await page.waitForURL('**/hours');
    await expectAccessible(page);
    await page.getByLabel('Monday, period 1: opens at').fill('09:30');
    await page.getByLabel('Monday, period 1: closes at').fill('12:00');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL('**/hours?done=saved');
    expect(await page.getByLabel('Monday, period 1: opens at').inputValue()).toBe('09:30');

    await page.getByRole('link', { name: 'Places' }).click();
    await page.waitForURL(`**/en/manage/organisations/${orgId}/locations`);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Contact persons' }).click();
    await page.waitForURL(`**/en/manage/organisations/${orgId}/contacts`);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'History' }).click();
    await page.waitForURL(`**/en/manage/organisations/${orgId}/history`);
    expect(await page.locator('.history').first().textContent()).toContain('École de devoirs pour tous');
    await expectAccessible(page);
    await context.close();
  });
});

describe('a place on the map', () => {
  it('refuses an address it cannot place, places one on its street, and takes the position from the dragged marker', async () => {
    for (const [width, offset] of [
      [1280, 1],
      [390, 2],
    ] as const) {
      const context = await h.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const email = `places.${width}.${Date.now()}@example.org`;
      await signUpAndConfirm(page, email);
      const { rows } = await h.database.pool.query(
        `insert into memberships (user_id, organisation_id, roles)
         select u.id, o.id, '{editor}' from users u, organisations o
         where u.email = $1 order by o.provenance_id offset $2 limit 1 returning organisation_id`,
        [email, offset],
      );
      const orgId = rows[0].organisation_id;
      const count = async () =>
        (
          await h.database.pool.query('select count(*)::int as n from locations where organisation_id = $1', [
            orgId,
          ])
        ).rows[0].n;
      const before = await count();
      await page.goto(`${h.baseUrl}/en/manage/organisations/${orgId}/locations`);

      const add = () =>
        page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Add a place' }) });
      await add().getByLabel('Street and number').fill('Avenue des Ébéniers 3');
      await add().getByLabel('Postcode').fill('1050');
      await add().getByRole('button', { name: 'Add a place' }).click();
      await expect
        .poll(() => page.locator('.error-summary').textContent())
        .toContain('This street does not run through this postcode.');
      await expectAccessible(page);
      expect(await count()).toBe(before);

      await add().getByLabel('Street and number').fill('Zennestraat 12');
      await add().getByLabel('Postcode').fill('1000');
      await add().getByRole('button', { name: 'Add a place' }).click();
      await page.waitForURL('**/locations?done=saved');
      const card = page
        .locator('section.card')
        .filter({ has: page.getByRole('heading', { name: 'Zennestraat 12, 1000' }) });
      expect(await card.getByRole('status').textContent()).toContain(
        'Placed in the middle of the postcode’s area',
      );
      const map = card.locator('.location-map[data-ready="true"]');
      await map.scrollIntoViewIfNeeded();
      const marker = map.locator('.leaflet-marker-icon');
      await marker.waitFor();
      await expectAccessible(page);

      // No tiles in tests: the marker still moves, and writes the coordinates.
      expect(await card.getByLabel('Latitude').inputValue()).toBe('');
      const box = (await marker.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height - 5);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height + 40, { steps: 8 });
      await page.mouse.up();
      const latitude = await card.getByLabel('Latitude').inputValue();
      const longitude = await card.getByLabel('Longitude').inputValue();
      expect(Number(latitude)).toBeLessThan(50.8465);
      expect(Number(longitude)).toBeGreaterThan(4.3517);
      await card.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL('**/locations?done=saved');
      const { rows: saved } = await h.database.pool.query(
        `select latitude, longitude, commune_nis, placement from locations where organisation_id = $1 and address = 'Zennestraat 12'`,
        [orgId],
      );
      expect(saved).toEqual([
        {
          latitude: Number(latitude),
          longitude: Number(longitude),
          commune_nis: '21004',
          placement: 'coordinates',
        },
      ]);
      await context.close();
    }
  });
});
