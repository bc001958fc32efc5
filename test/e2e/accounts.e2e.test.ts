// Accounts in a real browser: sign up, confirm the address from the (development) outbox, log out,
// log in again, and a refused form. Every account page passes axe.
import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowserHarness } from '../helpers/browser.ts';
import { confirmedPerson, FormClient, testPassword } from '../helpers/form-client.ts';

const h = useBrowserHarness();

describe('an account, from sign-up to a confirmed address', () => {
  it('signs up, follows the e-mailed link, sees the sessions, logs out and in again', async () => {
    const context = await h.browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    const email = `e2e.${Date.now()}@example.org`;

    await page.goto(`${h.baseUrl}/fr/`);
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: /Créez-en un/ }).click();
    await page.waitForURL('**/fr/signup');
    await expectAccessible(page);

    // A refused form keeps what was typed and says why, next to the field.
    await page.getByLabel('Votre nom').fill('Amina');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('court');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await expect
      .poll(() => page.locator('.field-error').textContent())
      .toContain('Utilisez au moins 10 caractères.');
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(email);
    await expectAccessible(page);

    await page.getByLabel('Mot de passe').fill('la bicyclette verte du canal');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Consultez vos e-mails');

    await page.goto(`${h.baseUrl}/fr/dev/outbox`);
    await expectAccessible(page);
    await page.locator('.outbox li').first().getByRole('link').first().click();
    await page.waitForURL('**/fr/login?verified=1');
    expect(await page.getByRole('status').textContent()).toContain('Votre adresse e-mail est confirmée.');
    await expectAccessible(page);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('la bicyclette verte du canal');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/fr/account');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Où vous êtes connecté·e' }).click();
    await page.waitForURL('**/fr/account/sessions');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    await page.waitForURL('**/fr/login?out=1');
    await expectAccessible(page);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('la bicyclette verte du canal');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/fr/account');
    expect(await page.locator('h1').textContent()).toBe('Mon compte');
    await context.close();
  });

  it('gets a reset link without JavaScript, and the forgotten-password page passes axe', async () => {
    const withScripts = await h.browser.newContext();
    const checked = await withScripts.newPage();
    await checked.goto(`${h.baseUrl}/en/password/forgot`);
    await expectAccessible(checked);
    await withScripts.close();

    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/en/password/forgot`);
    await page.getByLabel('E-mail address').fill('nobody@example.org');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect
      .poll(() => page.locator('.notice').textContent())
      .toContain('If an account exists for nobody@example.org');
    await context.close();
  });

  it('resets a forgotten password from the e-mailed link, and the form passes axe', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    const email = `reset.${Date.now()}@example.org`;
    await page.goto(`${h.baseUrl}/en/signup`);
    await page.getByLabel('Your name').fill('Lina');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('la bicyclette verte du canal');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/en/signup');

    await page.goto(`${h.baseUrl}/en/password/forgot`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.waitForURL('**/en/password/forgot');
    await page.goto(`${h.baseUrl}/en/dev/outbox`);
    await page
      .locator('.outbox li')
      .filter({ hasText: 'A new password for Passerelle' })
      .first()
      .getByRole('link')
      .first()
      .click();
    await page.waitForURL('**/en/password/reset?token=*');
    await expectAccessible(page);
    await page.getByLabel('New password').fill('un tout autre mot de passe solide');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.waitForURL('**/en/login?reset=1');
    expect(await page.getByRole('status').textContent()).toContain('Your password has been changed.');
    await context.close();
  });

  it('gets a locked-out person in with an e-mailed link, on a phone, in French', async () => {
    const owner = await confirmedPerson(h.app, h.database, {
      email: `locked.${Date.now()}@example.org`,
      locale: 'fr',
    });
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      // Someone else's wrong guesses lock the address for browsers it has not been used in.
      const guesser = new FormClient(h.app);
      for (let i = 0; i < 5; i++) {
        await guesser.get('/fr/login');
        await guesser.post('/fr/login', { email: owner.email, password: `pas le bon ${i}` });
      }
      const context = await h.browser.newContext({ locale: 'fr-BE', viewport });
      const page = await context.newPage();
      await page.goto(`${h.baseUrl}/fr/login`);
      await page.getByLabel('Adresse e-mail').fill(owner.email);
      await page.getByLabel('Mot de passe').fill(testPassword);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect.poll(() => page.locator('#error-summary').textContent()).toContain('Trop de tentatives');
      expect(await page.locator('#error-summary').textContent()).toContain(
        'un navigateur que vous avez déjà utilisé',
      );
      await expectAccessible(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );

      await page
        .locator('#error-summary')
        .getByRole('link', { name: 'M’envoyer un lien de connexion par e-mail' })
        .click();
      await page.waitForURL('**/fr/login/link');
      await expectAccessible(page);
      await page.getByLabel('Adresse e-mail').fill(owner.email);
      await page.getByRole('button', { name: 'Envoyer le lien' }).click();
      await expect
        .poll(() => page.locator('.notice').textContent())
        .toContain('un lien de connexion est en route');

      await page.goto(`${h.baseUrl}/fr/dev/outbox`);
      await page
        .locator('.outbox li')
        .filter({ hasText: 'Votre lien de connexion à Passerelle' })
        .first()
        .getByRole('link')
        .first()
        .click();
      await page.waitForURL('**/fr/login/link?token=*');
      expect(await page.locator('main').textContent()).toContain(owner.email);
      await expectAccessible(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL('**/fr/account');
      expect(await page.locator('h1').textContent()).toBe('Mon compte');
      await context.close();
    }
  });
});
