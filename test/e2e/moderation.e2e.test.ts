// Trust in a real browser: a visitor reports a mistake, a person asks to manage a listing, a
// moderator works through the queue and verifies, an admin of a verified organisation vouches, and
// a platform admin reads the audit log. Every page passes axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createConfirmationLink } from '../../src/modules/directory/freshness/freshness.repo.ts';
import { expectAccessible, useBrowserHarness } from '../helpers/browser.ts';

const h = useBrowserHarness();

const password = 'la bicyclette verte du canal';

async function signUpAndLogIn(page: Page, email: string): Promise<void> {
  await page.goto(`${h.baseUrl}/en/signup`);
  await page.getByLabel('Your name').fill('Noor');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/en/signup');
  await page.goto(`${h.baseUrl}/en/dev/outbox`);
  await page.locator('.outbox li').filter({ hasText: email }).first().getByRole('link').first().click();
  await page.waitForURL('**/en/login?verified=1');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL('**/en/account');
}

async function sql(text: string, values: unknown[] = []) {
  return (await h.database.pool.query(text, values)).rows;
}

describe('trust and moderation', () => {
  it('takes a report and a claim, and a moderator approves the claim from the queue', async () => {
    const [group] = await sql(
      `select id, name->>'en' as name from organisations where kind = 'citizen_initiative' order by provenance_id limit 1`,
    );

    // A visitor reports a mistake, without an account.
    const visitor = await h.browser.newContext();
    const v = await visitor.newPage();
    await v.goto(`${h.baseUrl}/en/organisations/${group.id}`);
    await v.getByRole('link', { name: 'Something wrong? Report it.' }).click();
    await v.waitForURL('**/report');
    await expectAccessible(v);
    await v.getByRole('radio', { name: 'The opening hours are wrong' }).check();
    await v.getByLabel('What do you know about it? (optional)').fill('Closed on Tuesdays now.');
    await v.getByRole('button', { name: 'Send the report' }).click();
    await expect.poll(() => v.getByRole('status').textContent()).toContain('Thank you.');
    await visitor.close();

    // Someone asks to manage the listing.
    const claimant = await h.browser.newContext();
    const c = await claimant.newPage();
    await signUpAndLogIn(c, `claimant.${Date.now()}@example.org`);
    await c.goto(`${h.baseUrl}/en/organisations/${group.id}`);
    await c.getByRole('link', { name: 'Is this your organisation? Manage this listing.' }).click();
    await c.waitForURL('**/claim');
    await expectAccessible(c);
    await c.getByLabel('Who are you for this organisation?').fill('Volunteer coordinator since 2022');
    await c.getByRole('button', { name: 'Send the request' }).click();
    await expect.poll(() => c.getByRole('status').textContent()).toContain('Your request has been sent.');
    await claimant.close();

    // A moderator works through the queue.
    const moderator = await h.browser.newContext();
    const m = await moderator.newPage();
    const moderatorEmail = `moderator.${Date.now()}@example.org`;
    await signUpAndLogIn(m, moderatorEmail);
    await sql(`update users set platform_role = 'moderator' where email = $1`, [moderatorEmail]);
    await m.goto(`${h.baseUrl}/en/account`);
    await m.getByRole('link', { name: 'Moderation' }).click();
    await m.waitForURL('**/en/moderation');
    expect(await m.locator('main').textContent()).toContain('Closed on Tuesdays now.');
    await expectAccessible(m);
    await m.getByRole('link', { name: /request to manage a listing/ }).click();
    await m.waitForURL('**/en/moderation/claims');
    await expectAccessible(m);
    await m.getByRole('button', { name: 'Approve' }).first().click();
    await m.waitForURL('**/en/moderation/claims');
    await moderator.close();
    const [approved] = await sql(`select status from claims where organisation_id = $1`, [group.id]);
    expect(approved.status).toBe('approved');
  });

  it('leaves a listing to another moderator when she asked to manage it herself', async () => {
    const name = `Atelier du quartier ${Date.now()}`;
    const [org] = await sql(
      `insert into organisations (name, kind, verification, provenance_source)
       values ($1, 'citizen_initiative', 'unverified', 'passerelle') returning id`,
      [{ en: name, fr: name, nl: name }],
    );
    const first = await h.browser.newContext();
    const m = await first.newPage();
    const firstEmail = `moderator.own.${Date.now()}@example.org`;
    await signUpAndLogIn(m, firstEmail);
    await sql(`update users set platform_role = 'moderator' where email = $1`, [firstEmail]);
    await m.goto(`${h.baseUrl}/en/organisations/${org.id}/claim`);
    await m.getByLabel('Who are you for this organisation?').fill('I started this group.');
    await m.getByRole('button', { name: 'Send the request' }).click();
    await expect.poll(() => m.getByRole('status').textContent()).toContain('Your request has been sent.');

    await m.goto(`${h.baseUrl}/en/moderation`);
    const item = m.locator('section[aria-labelledby="unverified-title"] li').filter({ hasText: name });
    expect(await item.textContent()).toContain('another moderator verifies it');
    expect(await item.getByRole('button').count()).toBe(0);
    for (const width of [1280, 390]) {
      await m.setViewportSize({ width, height: 900 });
      await expectAccessible(m);
    }
    await first.close();

    const second = await h.browser.newContext({ viewport: { width: 390, height: 900 } });
    const s2 = await second.newPage();
    const secondEmail = `moderator.other.${Date.now()}@example.org`;
    await signUpAndLogIn(s2, secondEmail);
    await sql(`update users set platform_role = 'moderator' where email = $1`, [secondEmail]);
    await s2.goto(`${h.baseUrl}/en/moderation`);
    await s2.getByRole('button', { name: `Verify ${name}` }).click();
    await s2.waitForURL('**/en/moderation?done=verified');
    await expectAccessible(s2);
    await second.close();
    const [after] = await sql(`select verification from organisations where id = $1`, [org.id]);
    expect(after.verification).toBe('verified');
  });

  it('confirms a listing from the reminder’s link with one button, without JavaScript', async () => {
    const [listing] = await sql(`select id from organisations order by provenance_id desc limit 1`);
    const token = await createConfirmationLink(h.database.db, listing.id, new Date());
    const checked = await h.browser.newContext();
    const page = await checked.newPage();
    await page.goto(`${h.baseUrl}/nl/confirm-listing?token=${token}`);
    await expectAccessible(page);
    await checked.close();

    const noScript = await h.browser.newContext({ javaScriptEnabled: false });
    const p = await noScript.newPage();
    await p.goto(`${h.baseUrl}/nl/confirm-listing?token=${token}`);
    await p.getByRole('button', { name: 'Ja, alles klopt nog' }).click();
    await expect
      .poll(() => p.getByRole('status').textContent())
      .toContain('De fiche is bevestigd op vandaag.');
    await noScript.close();
  });

  it('lets an admin of a verified organisation vouch, and a platform admin read the audit log', async () => {
    const [verified] = await sql(
      `select id, name->>'en' as name from organisations where kind = 'formal' order by provenance_id limit 1`,
    );
    const [group] = await sql(
      `select id from organisations where kind = 'self_organisation' order by provenance_id limit 1`,
    );
    await sql(`update organisations set verification = 'verified', verified_at = now() where id = $1`, [
      verified.id,
    ]);

    const context = await h.browser.newContext();
    const page = await context.newPage();
    const email = `voucher.${Date.now()}@example.org`;
    await signUpAndLogIn(page, email);
    await sql(
      `insert into memberships (user_id, organisation_id, roles) select id, $2, '{admin}' from users where email = $1`,
      [email, verified.id],
    );
    await sql(`update users set platform_role = 'admin' where email = $1`, [email]);

    await page.goto(`${h.baseUrl}/en/organisations/${group.id}`);
    await page.getByRole('link', { name: 'Vouch for this organisation' }).click();
    await page.waitForURL('**/vouch');
    await expectAccessible(page);
    await page.getByRole('button', { name: `Vouch as ${verified.name}` }).click();
    await page.waitForURL(`**/en/organisations/${group.id}`);
    expect(await page.locator('.vouchers').textContent()).toContain(verified.name);

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL('**/en/admin/audit');
    expect(await page.locator('tbody').textContent()).toContain('organisation.vouched');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'My organisations' }).click();
    await page.waitForURL('**/en/my/organisations');
    await expectAccessible(page);
    await context.close();
  });
});
