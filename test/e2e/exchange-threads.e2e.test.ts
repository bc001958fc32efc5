// A conversation about a request in a real browser: a member of an informal group, in French on a
// 390 px phone, asks for a room; a member of a registered organisation, in Dutch at 1280 px, presses
// "Ik kan helpen" and writes; the group's member finds it under "Mes conversations", reads it in the
// French interface and answers; the Dutch side reads the answer; the request is marked fulfilled and
// the group's page in the directory counts it. Every page passes axe and nothing scrolls sideways.
import { describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, logIn, openPage, useBrowserHarness } from '../helpers/browser.ts';
import { memberOf, sql } from '../helpers/members.ts';
import { addDays, brusselsDay } from '../../src/modules/exchange/posts/dates.ts';

const h = useBrowserHarness();

describe('a thread about a request, between an informal group and a registered organisation', () => {
  it('a French request answered in Dutch, read and answered in French, then fulfilled and counted', async () => {
    const [group, formal] = await sql(
      h,
      `select id from organisations o where not exists (select 1 from memberships m where m.organisation_id = o.id)
       order by provenance_id limit 2`,
    );
    await sql(h, `update organisations set kind = 'self_organisation', kbo_number = null where id = $1`, [
      group.id,
    ]);
    await sql(h, `update organisations set kind = 'formal' where id = $1`, [formal.id]);
    const asker = await memberOf(h, group.id, ['admin'], { locale: 'fr', name: 'Awa Diallo' });
    const helper = await memberOf(h, formal.id, ['editor'], { locale: 'nl', name: 'Pieter Claes' });

    // The group's member posts a request in French, on a phone.
    const phone = await openPage(h.browser, 'fr', 390);
    await logIn(h, phone, 'fr', asker.email);
    await phone.goto(`${h.baseUrl}/fr/exchange/new`);
    await phone.getByLabel('Demander quelque chose').check();
    await phone.locator('select[name=kind]').selectOption('room_or_material');
    await phone.locator('input[name="title.fr"]').fill('Cherchons une salle pour nos cours de français');
    await phone
      .locator('textarea[name="body.fr"]')
      .fill('Le mercredi après-midi, pour douze personnes, à Schaerbeek.');
    await phone.locator('input[name=communes][value="21015"]').check();
    await phone.locator('input[name=until]').fill(addDays(brusselsDay(new Date()), 30));
    await phone.getByRole('button', { name: 'Publier sur le tableau' }).click();
    await phone.waitForURL(/\/fr\/exchange\/[0-9a-f-]+\?done=posted/);
    const postPath = new URL(phone.url()).pathname;
    expect(await phone.locator('#answer-title').textContent()).toBe('Conversations sur cette annonce');
    await expectFitsAndAccessible(phone, 390, true);

    // The registered organisation's member answers in Dutch, at 1280 px.
    const desk = await openPage(h.browser, 'nl', 1280);
    await logIn(h, desk, 'nl', helper.email);
    await desk.goto(`${h.baseUrl}${postPath.replace('/fr/', '/nl/')}`);
    expect(await desk.locator('#answer-title').textContent()).toBe('Ik kan helpen');
    await expectFitsAndAccessible(desk, 1280, true);
    // An empty message first: refused in words, nothing sent.
    await desk.getByRole('button', { name: 'Versturen' }).click();
    expect(await desk.locator('.error-summary, [role=alert]').first().textContent()).toContain(
      'Schrijf een bericht.',
    );
    await expectFitsAndAccessible(desk, 1280, true);
    await desk
      .getByLabel('Uw bericht')
      .fill('Goedemiddag, onze zaal aan de Haachtsesteenweg is op woensdag vrij.');
    await desk.getByRole('button', { name: 'Versturen' }).click();
    await desk.waitForURL(/\/nl\/exchange\/threads\/[0-9a-f-]+\?done=sent/);
    const threadPath = new URL(desk.url()).pathname;
    expect(await desk.locator('h1').textContent()).toContain('Gesprek met');
    await expectFitsAndAccessible(desk, 1280, true);

    // The group's member finds it from the board, in French, and reads it.
    await phone.goto(`${h.baseUrl}/fr/exchange`);
    await phone.getByRole('link', { name: 'Mes conversations (1 non lu)' }).click();
    await phone.waitForURL('**/fr/exchange/mine');
    await expectFitsAndAccessible(phone, 390, true);
    await phone
      .locator(`a[href="${threadPath.replace('/nl/', '/fr/')}"]`)
      .first()
      .click();
    await phone.waitForURL(`**${threadPath.replace('/nl/', '/fr/')}`);
    expect(await phone.locator('h1').textContent()).toContain('Conversation avec');
    expect(await phone.locator('.exchange-messages').textContent()).toContain(
      'onze zaal aan de Haachtsesteenweg is op woensdag vrij',
    );
    expect(await phone.locator('.exchange-messages').textContent()).toContain('Pieter Claes');
    expect(await phone.content()).not.toContain(helper.email);
    await expectFitsAndAccessible(phone, 390, true);
    await phone.getByLabel('Votre message').fill('Merci beaucoup ! Mercredi à 14 h, cela nous convient.');
    await phone.getByRole('button', { name: 'Envoyer' }).click();
    await phone.waitForURL(/\?done=sent/);
    expect(await phone.locator('[role=status], .notice').first().textContent()).toContain(
      'Votre message est envoyé.',
    );
    await expectFitsAndAccessible(phone, 390, true);

    // The Dutch side reads the answer.
    await desk.goto(`${h.baseUrl}${threadPath}`);
    expect(await desk.locator('.exchange-messages li').count()).toBe(2);
    expect(await desk.locator('.exchange-messages').textContent()).toContain('Mercredi à 14 h');
    expect(await desk.content()).not.toContain(asker.email);

    // Fulfilled: the group's page counts it.
    await phone.goto(`${h.baseUrl}${postPath}`);
    await phone.getByRole('button', { name: 'Satisfaite' }).click();
    await phone.waitForURL(/done=fulfilled/);
    await phone.goto(`${h.baseUrl}/fr/organisations/${group.id}`);
    expect(await phone.locator('section[aria-labelledby=figures-title]').textContent()).toContain(
      '1 demande satisfaite via l’échange',
    );
    await expectFitsAndAccessible(phone, 390, true);
    await desk.goto(`${h.baseUrl}/nl/organisations/${group.id}`);
    expect(await desk.locator('section[aria-labelledby=figures-title]').textContent()).toContain(
      '1 vraag vervuld via de uitwisseling',
    );
    await expectFitsAndAccessible(desk, 1280, true);

    expect((await sql(h, 'select count(*)::int as n from exchange_messages'))[0].n).toBe(2);
    await desk.context().close();
    await phone.context().close();
  });
});
