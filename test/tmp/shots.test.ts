import { afterAll, beforeAll, it } from 'vitest';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { testPassword } from '../helpers/form-client.ts';
import { memberOf, referralWorld, sendReferral, sql } from '../helpers/referrals.ts';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
}, 60_000);
afterAll(() => h?.close());

it('shots', async () => {
  const world = await referralWorld(h);
  const sara = await memberOf(h, world.orgA, ['referrer'], { locale: 'fr', name: 'Sara' });
  const pieter = await memberOf(h, world.orgB, ['referrer', 'admin'], { locale: 'nl', name: 'Pieter' });
  const id = await sendReferral(sara, world);
  await pieter.get(`/en/referrals/${id}`);
  await pieter.post(`/en/referrals/${id}/messages`, { message: 'Heeft het gezin al een OCMW-kaart?' });
  await sql(h, `update users set platform_role = 'analyst' where id = $1`, [pieter.id]);
  for (let i = 0; i < 12; i++) {
    const r = await sendReferral(sara, world, { commune: ['21004', '21015', '21009'][i % 3]! });
    await pieter.get(`/en/referrals/${r}`);
    await pieter.post(`/en/referrals/${r}/decline`, { reason: i % 2 ? 'no_capacity' : 'not_eligible' });
    await sql(h, `update referrals set sent_at = now() - interval '40 days' where id = $1`, [r]);
  }
  const context = await h.browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${h.baseUrl}/nl/login`);
  await page.locator('input[name=email]').fill(pieter.email);
  await page.locator('input[name=password]').fill(testPassword);
  await page.locator('form.form button[type=submit]').click();
  await page.waitForURL('**/account');
  await page.goto(`${h.baseUrl}/nl/referrals/${id}`);
  await page.screenshot({ path: '/tmp/shot-referral.png', fullPage: true });
  await page.goto(`${h.baseUrl}/nl/referrals/new?service=${world.serviceB.replace(/./, (c) => c)}`);
  await page.goto(`${h.baseUrl}/nl/analysis/referrals`);
  await page.screenshot({ path: '/tmp/shot-analysis.png', fullPage: true });
  await page.goto(`${h.baseUrl}/nl/referrals?status=all`);
  await page.screenshot({ path: '/tmp/shot-list.png', fullPage: true });
  const phone = await h.browser.newContext({ viewport: { width: 380, height: 800 } });
  const p2 = await phone.newPage();
  await p2.goto(`${h.baseUrl}/fr/login`);
  await p2.locator('input[name=email]').fill(sara.email);
  await p2.locator('input[name=password]').fill(testPassword);
  await p2.locator('form.form button[type=submit]').click();
  await p2.waitForURL('**/account');
  await p2.goto(`${h.baseUrl}/fr/referrals/new?service=${world.serviceB}`);
  await p2.screenshot({ path: '/tmp/shot-form.png', fullPage: true });
}, 120_000);
