// Registering for a network day without an account, in a real browser, until the waiting list: a
// first person on a 390 px phone in French registers, follows the e-mail's link (from the
// development outbox) and confirms with its button; a second, at 1280 px in English, takes the last
// place; a third, in Dutch, gets a place on the waiting list. When the first cancels on her phone,
// the third moves up, and her mail's link opens her registration; the organiser sees the list.
// Every page passes axe and nothing scrolls sideways.
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, logIn, openPage, useBrowserHarness } from '../helpers/browser.ts';
import { newAddress } from '../helpers/form-client.ts';
import { memberOf, sql } from '../helpers/members.ts';
import { createTestEvent } from '../helpers/network-events.ts';

const h = useBrowserHarness();

/** Fills the register form, then follows the e-mail's link and presses its confirm button. */
async function registerAndConfirm(
  page: Page,
  {
    locale,
    width,
    path,
    name,
    email,
    labels,
  }: {
    locale: string;
    width: number;
    path: string;
    name: string;
    email: string;
    labels: { name: string; email: string; submit: string; confirm: string };
  },
): Promise<string> {
  await page.goto(`${h.baseUrl}/${locale}${path}`);
  await expectFitsAndAccessible(page, width, true);
  await page.getByLabel(labels.name).fill(name);
  await page.getByLabel(labels.email).fill(email);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL('**done=check_mail');
  await expectFitsAndAccessible(page, width, true);
  await page.goto(`${h.baseUrl}/${locale}/dev/outbox`);
  await page.locator('.outbox li').filter({ hasText: email }).first().getByRole('link').first().click();
  await page.waitForURL(`**/${locale}/registrations/*`);
  const link = new URL(page.url()).pathname;
  await expectFitsAndAccessible(page, width, true);
  await page.getByRole('button', { name: labels.confirm }).click();
  await page.waitForURL('**done=*');
  await expectFitsAndAccessible(page, width, true);
  return link;
}

describe('registering for a network day without an account', () => {
  it('registering without an account until the waitlist', async () => {
    const event = await createTestEvent(h, { capacity: 2, days: [9] });
    const path = `/events/${event.id}/dates/${event.dates[0]}/register`;

    const phone = await openPage(h.browser, 'fr', 390);
    const awa = newAddress('awa');
    const awaLink = await registerAndConfirm(phone, {
      locale: 'fr',
      width: 390,
      path,
      name: 'Awa Diallo',
      email: awa,
      labels: {
        name: 'Votre nom',
        email: 'Votre adresse e-mail',
        submit: 'S’inscrire',
        confirm: 'Confirmer mon inscription',
      },
    });
    expect(await phone.locator('.notice').first().textContent()).toContain('Vous avez une place.');
    expect(await phone.locator('p.status').textContent()).toBe('Awa Diallo : place confirmée');
    // The calendar file, from the page's link.
    const ics = await phone.request.get(
      new URL(
        (await phone.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).getAttribute('href'))!,
        h.baseUrl,
      ).href,
    );
    const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('url')).toBe(`${h.baseUrl}/fr/events/${event.id}`);

    const desk = await openPage(h.browser, 'en', 1280);
    await registerAndConfirm(desk, {
      locale: 'en',
      width: 1280,
      path,
      name: 'Ben Janssens',
      email: newAddress('ben'),
      labels: {
        name: 'Your name',
        email: 'Your e-mail address',
        submit: 'Register',
        confirm: 'Confirm my registration',
      },
    });
    expect(await desk.locator('.notice').first().textContent()).toContain('You have a place.');

    // Full now: the form says new registrations go on the waiting list.
    const late = await openPage(h.browser, 'nl', 1280);
    await late.goto(`${h.baseUrl}/nl${path}`);
    expect(await late.locator('dl.facts').textContent()).toContain('Volzet');
    const chloe = newAddress('chloe');
    await registerAndConfirm(late, {
      locale: 'nl',
      width: 1280,
      path,
      name: 'Chloé Peeters',
      email: chloe,
      labels: {
        name: 'Je naam',
        email: 'Je e-mailadres',
        submit: 'Inschrijven',
        confirm: 'Mijn inschrijving bevestigen',
      },
    });
    expect(await late.locator('.notice').first().textContent()).toContain('je staat op de wachtlijst');
    expect(await late.locator('p.status').textContent()).toBe('Chloé Peeters: op de wachtlijst');

    // The first cancels on her phone: the one waiting moves up and is told.
    await phone.goto(`${h.baseUrl}${awaLink}`);
    await phone.getByRole('button', { name: 'Annuler mon inscription' }).click();
    await phone.waitForURL('**done=cancelled');
    await expectFitsAndAccessible(phone, 390, true);
    const [{ subject }] = await sql(
      h,
      `select subject from outbox where "to" = $1 order by created_at desc limit 1`,
      [chloe],
    );
    expect(subject).toBe('Een plaats voor jou: Netwerkdag');
    // That mail carries her own link, on her phone: her registration, with its cancel button.
    const mail = await openPage(h.browser, 'nl', 390);
    await mail.goto(`${h.baseUrl}/nl/dev/outbox`);
    await mail
      .locator('.outbox li')
      .filter({ hasText: chloe })
      .filter({ hasText: 'Een plaats voor jou' })
      .getByRole('link')
      .filter({ hasNotText: '.ics' })
      .click();
    await mail.waitForURL('**/nl/registrations/*');
    expect(await mail.locator('p.status').textContent()).toBe('Chloé Peeters: plaats bevestigd');
    expect(await mail.getByRole('button', { name: 'Mijn inschrijving annuleren' }).isVisible()).toBe(true);
    await mail.context().close();
    expect(
      await sql(h, 'select confirmed, waitlisted from event_occurrences where id = $1', [event.dates[0]]),
    ).toEqual([{ confirmed: 2, waitlisted: 0 }]);

    // The organiser's list, at 1280 px.
    const editor = await memberOf(h, event.organisationId, ['editor']);
    const organiser = await openPage(h.browser, 'en', 1280);
    await logIn(h, organiser, 'en', editor.email);
    await organiser.goto(`${h.baseUrl}/en/manage/events/${event.id}/registrations`);
    await expectFitsAndAccessible(organiser, 1280, true);
    const names = await organiser.locator('table.data-table td:nth-child(2)').allTextContents();
    expect(names).toEqual(['Ben Janssens', 'Chloé Peeters']);
    // …and at 390 px.
    await organiser.setViewportSize({ width: 390, height: 900 });
    await expectFitsAndAccessible(organiser, 390, true);
  }, 120_000);
});
